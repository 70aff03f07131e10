/**
 * The key figures of the trends pages (Layout.trendCharts / trendFigures), as layout data:
 * tables 三 and 四 are the same in gov-2019 and gov-2021 (row and column ids too), so both
 * declare the figures below; table 二 differs, so each layout declares its own documents
 * figures with `documentFigures`, joining only figures of the same meaning.
 */
import type { TrendChartDef, TrendFigureDef } from "./types";

export const trendCharts: readonly TrendChartDef[] = [
  { id: "requests", title: "政府信息公开申请数量" },
  { id: "outcomes", title: "申请办理结果" },
  { id: "reviews", title: "政府信息公开行政复议" },
  { id: "lawsuits", title: "政府信息公开行政诉讼" },
  { id: "documents", title: "规章和规范性文件" },
];

const applicationFigure = (key: string, chart: "requests" | "outcomes", label: string, row: string) =>
  ({ key, chart, label, grid: "t3", rows: [row], columns: ["total"] }) satisfies TrendFigureDef;

const reviewResults = [
  ["upheld", "结果维持"],
  ["corrected", "结果纠正"],
  ["other", "其他结果"],
  ["pending", "尚未审结"],
  ["total", "总计"],
] as const;

/** One figure a result of table 四, summing the columns `columnsOf` names for it. */
const resultFigures = (chart: "reviews" | "lawsuits", columnsOf: (result: string) => string[]) =>
  reviewResults.map(
    ([result, label]) =>
      ({
        key: `${chart}.${result}`,
        chart,
        label,
        grid: "t4",
        rows: ["cases"],
        columns: columnsOf(result),
      }) satisfies TrendFigureDef,
  );

/** Table 三 (the 总计 column) and table 四; a lawsuit result sums both kinds of suit. */
export const applicationAndReviewFigures: readonly TrendFigureDef[] = [
  applicationFigure("requests.received", "requests", "本年新收申请", "r1"),
  applicationFigure("requests.carriedOver", "requests", "上年结转申请", "r2"),
  applicationFigure("requests.carriedForward", "requests", "结转下年度继续办理", "r4"),
  applicationFigure("outcomes.disclosed", "outcomes", "予以公开", "r3_1"),
  applicationFigure("outcomes.partlyDisclosed", "outcomes", "部分公开", "r3_2"),
  applicationFigure("outcomes.refused", "outcomes", "不予公开", "r3_3"),
  applicationFigure("outcomes.unable", "outcomes", "无法提供", "r3_4"),
  applicationFigure("outcomes.notHandled", "outcomes", "不予处理", "r3_5"),
  applicationFigure("outcomes.other", "outcomes", "其他处理", "r3_6"),
  applicationFigure("outcomes.total", "outcomes", "办理总计", "r3_7"),
  ...resultFigures("reviews", (result) => [`review.${result}`]),
  ...resultFigures("lawsuits", (result) => [`suitDirect.${result}`, `suitAfterReview.${result}`]),
];

/**
 * Table 二's 规章 and 规范性文件 row of a layout: `issued` is the column of documents made this
 * year (gov-2021 本年制发件数, gov-2019 本年新制作数量: the same meaning), `inForce` the column
 * of documents in force (gov-2021 现行有效件数; gov-2019 has none — its 对外公开总数量 counts
 * documents made public, not those in force, so it is not joined to it).
 */
export function documentFigures(columns: { issued: string; inForce?: string }): TrendFigureDef[] {
  const rows = [
    ["rules", "规章"],
    ["normative", "规范性文件"],
  ] as const;
  const figure = (row: string, name: string, count: "issued" | "inForce", label: string, column: string) =>
    ({
      key: `documents.${row}.${count}`,
      chart: "documents",
      label: `${name}·${label}`,
      grid: "t2.item1",
      rows: [row],
      columns: [column],
    }) satisfies TrendFigureDef;
  return rows.flatMap(([row, name]) => [
    figure(row, name, "issued", "本年制发", columns.issued),
    ...(columns.inForce ? [figure(row, name, "inForce", "现行有效", columns.inForce)] : []),
  ]);
}
