import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { formatDateTime } from "@/lib/format/date-time";
import { organizationKinds } from "@/lib/report-data";
import { deadlineStandingShortLabel, returnedUntouchedLabel } from "@/lib/workflow/season-deadline";
import type { SeasonBoard, SeasonBoardRow } from "./get-season-board";
import { queueStatusLabels } from "./list-review-queue";

export const seasonBoardFormats = ["csv", "xlsx"] as const;
export type SeasonBoardFormat = (typeof seasonBoardFormats)[number];

const columns: readonly { header: string; width: number; cell: (row: SeasonBoardRow) => string | number }[] = [
  { header: "单位", width: 28, cell: (row) => row.organization.name },
  { header: "类型", width: 10, cell: (row) => organizationKinds[row.organization.kind].label },
  { header: "状态", width: 8, cell: (row) => queueStatusLabels[row.status] },
  { header: "报送时间", width: 18, cell: (row) => (row.submittedAt ? formatDateTime(row.submittedAt) : "") },
  { header: "公布期限", width: 12, cell: (row) => row.deadline },
  { header: "期限情况", width: 14, cell: (row) => deadlineStandingShortLabel(row.standing) },
  {
    header: "退回未修改",
    width: 16,
    cell: (row) => (row.returnedUntouchedDays === null ? "" : returnedUntouchedLabel(row.returnedUntouchedDays)),
  },
  { header: "未处理批注", width: 10, cell: (row) => (row.report ? row.openComments : "") },
  { header: "校验错误", width: 10, cell: (row) => row.findings?.errors ?? "" },
  { header: "校验提示", width: 10, cell: (row) => row.findings?.warnings ?? "" },
];

const BYTE_ORDER_MARK = "\uFEFF";

/** A text a spreadsheet would read as a formula (=, +, -, @, tab, CR at the start) is kept as text. */
function asText(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The board's rows (as filtered and sorted on the page) as a file: CSV in UTF-8 with a byte
 * order mark (so Excel opens it as UTF-8) or an .xlsx workbook with the count line above.
 */
export async function exportSeasonBoard(
  board: SeasonBoard,
  rows: readonly SeasonBoardRow[],
  format: SeasonBoardFormat,
): Promise<{ body: Uint8Array; contentType: string; fileName: string }> {
  const name = `${board.calendar.countyName}${board.calendar.year}年度报告进度`;
  const cells = rows.map((row) => columns.map((column) => asText(column.cell(row))));
  if (format === "csv") {
    const csv = Papa.unparse({ fields: columns.map((column) => column.header), data: cells }, { newline: "\r\n" });
    return {
      body: new TextEncoder().encode(BYTE_ORDER_MARK + csv),
      contentType: "text/csv; charset=utf-8",
      fileName: `${name}.csv`,
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "年报";
  const sheet = workbook.addWorksheet("报告进度", { views: [{ state: "frozen", ySplit: 2 }] });
  sheet.addRow([`${name}（${board.today}）：${seasonCountLine(board)}`]).font = { bold: true };
  sheet.addRow(columns.map((column) => column.header)).font = { bold: true };
  columns.forEach((column, index) => (sheet.getColumn(index + 1).width = column.width));
  for (const row of cells) sheet.addRow(row);
  return {
    body: new Uint8Array(await workbook.xlsx.writeBuffer()),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `${name}.xlsx`,
  };
}

/** 应报 24 · 已发布 9 · 已审核 2 · … · 逾期 3 · 退回未修改 1 (statuses with none left out). */
export function seasonCountLine(board: Pick<SeasonBoard, "counts">): string {
  const { counts } = board;
  const parts = [`应报 ${counts.expected}`];
  for (const status of ["PUBLISHED", "APPROVED", "SUBMITTED", "RETURNED", "DRAFT", "NOT_STARTED"] as const)
    if (counts.byStatus[status] > 0) parts.push(`${queueStatusLabels[status]} ${counts.byStatus[status]}`);
  parts.push(`逾期 ${counts.overdue}`);
  if (counts.returnedUntouched > 0) parts.push(`退回未修改 ${counts.returnedUntouched}`);
  return parts.join(" · ");
}
