/**
 * Every user-visible message of the rule engine, in zh-CN, in one place.
 * Messages are instructions (say what to do) and state the expected and the
 * actual value; labels come from the layout, never from code.
 */
import { organizationKinds, type OrganizationKind } from "../report-data";
import type { MarkupKind } from "./text/markup";
import { cellValueMessage, type CellType, type CellValueIssue, type NarrativeTopic } from "../template";

/** Quote a label; inner double quotes become single ones (“3.危及‘三安全一稳定’”). */
const q = (text: string): string => `“${text.replace(/“/g, "‘").replace(/”/g, "’")}”`;

/** 2023-01-01 → 2023年1月1日. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const markupNames: Record<MarkupKind, string> = {
  emphasis: "Markdown 加粗标记",
  entity: "网页字符代码",
};

const markupFixes: Record<MarkupKind, string> = {
  emphasis: "删除成对的 ** 或 __ 符号，只保留文字",
  entity: "把字符代码换成它代表的字符（如 &nbsp; 换成空格，&amp; 换成 &）",
};

export const messages = {
  // ------------------------------------------------------------ arithmetic
  sumOfRows: (target: string, expected: number, actual: number): string =>
    `${target} 应为 ${expected}（各项之和），当前为 ${actual}`,
  sumOfColumns: (target: string, expected: number, actual: number): string =>
    `${target} 应为 ${expected}（各列之和），当前为 ${actual}`,
  balance: (
    column: string,
    left: readonly string[],
    right: readonly string[],
    leftSum: number,
    rightSum: number,
  ): string =>
    `${q(column)}列：${left.map(q).join("与")}之和为 ${leftSum}，应等于${right.map(q).join("与")}之和，当前为 ${rightSum}，请核对这几项`,

  // ------------------------------------------------------------ cross-year
  carryOver: (cell: string, fromRow: string, expected: number, actual: number): string =>
    `${cell} 应为 ${expected}（上一年度报告${q(fromRow)}的数字），当前为 ${actual}，请核对；如确有差异，请说明原因`,
  countySummary: (cell: string, expected: number, actual: number): string =>
    `${cell} 为 ${actual}，全县各单位报告之和为 ${expected}（全县汇总），请核对；如确有差异，请说明原因`,
  stockBound: (cell: string, actual: number, previous: number, added: number, addedLabel: string): string =>
    `${cell} 为 ${actual}，超过上一年度的 ${previous} 与本年${q(addedLabel)} ${added} 之和 ${previous + added}，请核对`,

  // ------------------------------------------------------------ cells
  cellValue: (cell: string, issue: CellValueIssue, type: CellType): string =>
    `${cell}：${cellValueMessage(issue, type)}`,
  unknownCell: (id: string): string => `数据项“${id}”不属于本报告格式，请删除`,
  missingCells: (table: string, row: string, columns: readonly string[], all: boolean): string => {
    const where = row === "" ? `${q(table)}表中` : `${q(table)}中${q(row)}一行`;
    return all
      ? `请填写${where}的数据；没有发生的请填 0`
      : `请填写${where}的${columns.map(q).join("、")}；没有发生的请填 0`;
  },
  missingTable: (table: string, count: number): string => `请填写${q(table)}的全部 ${count} 项数据；没有发生的请填 0`,

  // ------------------------------------------------------------ narrative
  narrativeRequired: (heading: string): string => `请填写${q(heading)}`,
  duplicateHeading: (field: string, heading: string): string =>
    `${q(field)}的正文中又写了一遍标题${q(heading)}；标题由系统自动生成，请从正文中删除`,
  narrativeFigure: (
    sections: readonly string[],
    topic: NarrativeTopic,
    stated: number,
    cells: readonly string[],
    tableValue: number,
  ): string =>
    `${sections.map(q).join("、")}中写明${topicPhrase[topic]} ${stated} 件，而表格中${cells.map(q).join("与")}${cells.length > 1 ? "合计" : ""}为 ${tableValue}，请核对文字或表格，使两者一致`,

  // ------------------------------------------------------------ identity
  kindWord: (field: string, found: string, kind: OrganizationKind, suggested: string): string =>
    `${q(field)}中写有${q(found)}，本机关是${organizationKinds[kind].noun}，请改为${q(suggested)}`,
  organizationName: (title: string, organization: string): string =>
    `报告标题中的机关名称${q(title)}与本机关名称${q(organization)}不一致，请核对`,

  // ------------------------------------------------------------ text
  textMarkup: (field: string, kind: MarkupKind, quoted: readonly string[], count: number): string =>
    `${q(field)}中有${markupNames[kind]}${quoted.map(q).join("、")}${count > quoted.length ? `等 ${count} 处` : ""}，印出的报告会原样显示这些符号，请${markupFixes[kind]}`,
  textDate: (field: string, raw: string, suggestion: string | undefined): string =>
    suggestion
      ? `${q(field)}中的日期${q(raw)}不是有效日期，请改为${q(suggestion)}`
      : `${q(field)}中的日期${q(raw)}不是有效日期，请写成“2023年1月1日”这样的真实日期`,

  // ------------------------------------------------------------ period
  periodTextDate: (field: string, raw: string, suggestion: string | undefined): string =>
    suggestion
      ? `${q(field)}中统计期限的日期${q(raw)}不是有效日期，请改为${q(suggestion)}`
      : `${q(field)}中统计期限的日期${q(raw)}不是有效日期，请写成“2023年1月1日”这样的完整日期`,
  periodMetaDate: (which: "start" | "end", value: string): string =>
    `统计期限的${which === "start" ? "起始" : "截止"}日期${q(value)}不是有效日期，请填写真实存在的日期（格式 YYYY-MM-DD）`,
  periodNotFullYear: (year: number, start: string, end: string): string =>
    `统计期限应为${year}年1月1日至${year}年12月31日，当前为${formatIsoDate(start)}至${formatIsoDate(end)}，请修改`,
} as const;

const topicPhrase: Record<NarrativeTopic, string> = {
  requestsReceived: "收到政府信息公开申请",
  reviews: "政府信息公开行政复议",
  lawsuits: "政府信息公开行政诉讼",
};
