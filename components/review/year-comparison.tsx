import Link from "next/link";
import type { YearComparison, YearComparisonRow } from "@/lib/review/compare-years";
import { LARGE_CHANGE_MIN, LARGE_CHANGE_RATIO } from "@/lib/review/compare-years";
import { MISSING_VALUE_TEXT } from "@/lib/format/format-cell-value";
import { TableHead } from "@/components/ui/table-head";
import "./year-comparison.css";

function figure(value: number | null): string {
  return value === null ? MISSING_VALUE_TEXT : String(value);
}

function changeText(row: YearComparisonRow): string {
  if (row.isNewInLayout) return "上年格式无此项";
  if (row.difference === null) return row.isChanged ? "有变化" : "";
  if (row.difference === 0) return "";
  const sign = row.difference > 0 ? "+" : "";
  const ratio = row.ratio === null ? "" : `（${sign}${Math.round(row.ratio * 100)}%）`;
  return `${sign}${row.difference}${ratio}`;
}

function ComparisonTable({ rows, caption }: { rows: readonly YearComparisonRow[]; caption: string }) {
  return (
    <table className="table year-comparison__table">
      <caption>{caption}</caption>
      <TableHead columns={["位置", "上年", "本年", "变化"]} />
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            data-cell-id={row.id}
            className={row.isLarge ? "year-comparison__large" : row.isChanged ? "year-comparison__changed" : undefined}
          >
            <th scope="row">
              {row.label}
              {row.isComputed && <span className="muted">（合计）</span>}
            </th>
            <td>{row.isNewInLayout ? MISSING_VALUE_TEXT : figure(row.previous)}</td>
            <td>{figure(row.current)}</td>
            <td>
              {changeText(row)}
              {row.isLarge && <strong className="year-comparison__flag"> 变化较大</strong>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * 与上年对比 on the review page: the cells that changed from last year first (large changes
 * flagged), then every cell of the report beside last year's figure, folded.
 */
export function YearComparisonSection({
  year,
  comparison,
  trendsHref,
}: {
  year: number;
  comparison: YearComparison | null;
  trendsHref: string;
}) {
  const changed = comparison?.tables.flatMap((table) => table.rows.filter((row) => row.isChanged)) ?? [];
  return (
    <section aria-labelledby="year-comparison-heading" className="year-comparison" data-testid="year-comparison">
      <h2 id="year-comparison-heading">与上年对比</h2>
      <p>
        <Link href={trendsHref}>查看本单位历年主要数据（趋势图）</Link>
      </p>
      {!comparison ? (
        <p className="muted">没有 {year} 年度已审核或已发布的报告，无法对比。</p>
      ) : (
        <>
          <p data-testid="year-comparison-summary">
            与 {year} 年度相比，{comparison.changedCount} 个数字有变化
            {comparison.largeCount > 0 && `，其中 ${comparison.largeCount} 个变化较大`}。 变化较大：增减达到上年的{" "}
            {LARGE_CHANGE_RATIO * 100}% 且不少于 {LARGE_CHANGE_MIN}。
          </p>
          {changed.length > 0 && <ComparisonTable rows={changed} caption="有变化的数字" />}
          <details>
            <summary>全部数字与上年对比</summary>
            {comparison.tables.map((table) => (
              <ComparisonTable key={table.id} rows={table.rows} caption={table.heading} />
            ))}
          </details>
        </>
      )}
    </section>
  );
}
