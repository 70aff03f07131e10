import type { ReactNode } from "react";
import { Pagination } from "./pagination";
import { ListTable } from "./list-table";

/**
 * One page of a long list (accounts, the audit log): the table with its column headings, a
 * row saying so when nothing matches the filters, and 上一页 / 下一页 under it. `hrefFor`
 * keeps the list's filters.
 */
export function PagedTable({
  testId,
  columns,
  rowCount,
  emptyText,
  page,
  pageCount,
  total,
  hrefFor,
  children,
}: {
  testId: string;
  columns: readonly string[];
  rowCount: number;
  emptyText: string;
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
  children: ReactNode;
}) {
  return (
    <>
      <ListTable testId={testId} columns={columns}>
        {children}
        {rowCount === 0 && (
          <tr>
            <td colSpan={columns.length}>{emptyText}</td>
          </tr>
        )}
      </ListTable>
      <Pagination page={page} pageCount={pageCount} total={total} hrefFor={hrefFor} />
    </>
  );
}
