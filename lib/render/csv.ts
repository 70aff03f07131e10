/**
 * The report's tables as CSV: one line per cell, in template order, with
 * the columns cell_id, table, row_label, column_label, value.
 *
 * - UTF-8 with a byte-order mark and CRLF line ends, so Excel and WPS open
 *   the Chinese labels correctly by double-click.
 * - `value` is the figure itself (12.5, -3), not its printed form, and empty
 *   for a missing figure (never 0).
 * - Labels are the template's: row_label is the path of row headers (with
 *   the block title of table 二 first, 第二十条第（一）项·规章), column_label the path
 *   of column headers, joined with ·.
 *
 * Universal and pure.
 */
import Papa from "papaparse";
import type { ReportData } from "@/lib/report-data";
import type { Layout } from "@/lib/template";
import { toReportView } from "./to-report-view";
import type { ReportView, ReportViewOptions, ValueCellView } from "./to-report-view";

export const CSV_COLUMNS = ["cell_id", "table", "row_label", "column_label", "value"] as const;

const BYTE_ORDER_MARK = "\uFEFF";

function joinLabels(labels: readonly string[]): string {
  return labels.filter((label) => label !== "").join("·");
}

/** Plain decimal text of a figure; never exponent notation. */
function figureText(value: number | null): string {
  if (value === null) return "";
  return Number.isInteger(value) ? value.toFixed(0) : String(Number(value.toFixed(4)));
}

export function renderReportCsv(view: ReportView): string;
export function renderReportCsv(layout: Layout, data: ReportData, options: ReportViewOptions): string;
export function renderReportCsv(
  viewOrLayout: ReportView | Layout,
  data?: ReportData,
  options?: ReportViewOptions,
): string {
  let resolved: ReportView;
  if (isReportView(viewOrLayout)) resolved = viewOrLayout;
  else if (data && options) resolved = toReportView(viewOrLayout, data, options);
  else throw new Error("renderReportCsv: pass a view, or a layout with data and options");
  const rows: string[][] = [];
  for (const section of resolved.sections) {
    if (section.kind !== "table") continue;
    for (const grid of section.grids) {
      for (const row of grid.bodyRows) {
        for (const cell of row.cells) {
          if (cell.kind !== "value") continue;
          rows.push(csvRow(section.heading, grid.title, cell));
        }
      }
    }
  }
  return BYTE_ORDER_MARK + Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: "\r\n" });
}

function isReportView(value: ReportView | Layout): value is ReportView {
  return "layoutId" in value;
}

function csvRow(table: string, gridTitle: string | null, cell: ValueCellView): string[] {
  return [
    cell.cellId,
    table,
    joinLabels([gridTitle ?? "", ...cell.rowPath]),
    joinLabels(cell.columnPath),
    figureText(cell.value),
  ];
}
