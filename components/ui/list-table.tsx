import type { ReactNode } from "react";
import { TableHead } from "./table-head";

/** A table of rows (one per item of a list) under one row of column headings. */
export function ListTable({
  testId,
  columns,
  children,
}: {
  testId?: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <table className="table" data-testid={testId}>
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
}
