import Link from "next/link";

export type SortDirection = "asc" | "desc";

/**
 * A column header of a list sorted through its query string: a link that sorts by this
 * column, ascending first, and reverses the order when the list is already sorted by it.
 */
export function SortHeader<S extends string>({
  label,
  sort,
  current,
  hrefFor,
}: {
  label: string;
  sort: S;
  current: { sort: S; dir: SortDirection };
  hrefFor: (change: { sort: S; dir: SortDirection }) => string;
}) {
  const isCurrent = current.sort === sort;
  const dir = isCurrent && current.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={isCurrent ? (current.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={hrefFor({ sort, dir })}>
        {label}
        {isCurrent ? (current.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
}
