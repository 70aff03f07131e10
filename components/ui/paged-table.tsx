import type { ReactNode } from "react";
import { listPageHref, type ListQuery } from "@/lib/account-data/list-query";
import { Pagination } from "./pagination";
import { ListTable } from "./list-table";

/** Which page of a long list this is, as the list operations (lib/accounts) answer it. */
export type ListPage = { page: number; pageCount: number; total: number };

/**
 * One page of a long list (accounts, the audit log): the table with its column headings, a
 * row for each of `rows` (`children` draws it), a row saying so when nothing matches the
 * filters, and 上一页 / 下一页 under it, to `path` with the filters of `query` kept.
 */
export function PagedTable<T>({
  testId,
  columns,
  rows,
  emptyText,
  listPage,
  path,
  query,
  children,
}: {
  testId: string;
  columns: readonly string[];
  rows: readonly T[];
  emptyText: string;
  listPage: ListPage;
  /** The list page's own address. */
  path: string;
  query: ListQuery;
  children: (row: T) => ReactNode;
}) {
  return (
    <>
      <ListTable testId={testId} columns={columns}>
        {rows.map(children)}
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length}>{emptyText}</td>
          </tr>
        )}
      </ListTable>
      <Pagination
        page={listPage.page}
        pageCount={listPage.pageCount}
        total={listPage.total}
        hrefFor={(page) => listPageHref(path, query, page)}
      />
    </>
  );
}
