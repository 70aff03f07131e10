import Link from "next/link";

/** 上一页 / 下一页 of a list, with where the reader is. `hrefFor` keeps the list's filters. */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return <p className="muted">共 {total} 条。</p>;
  return (
    <nav aria-label="分页" className="pagination">
      <p>
        共 {total} 条，第 {page} / {pageCount} 页。
      </p>
      <ul>
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev">
              上一页
            </Link>
          </li>
        )}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next">
              下一页
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
