/**
 * A read report workbook (read-report-workbook.ts) → figures by cell id for the draft's own
 * layout, and a refusal in zh-CN for each input cell that cannot be read (text that is not a
 * figure, a formula, an error value, a figure its cell type does not admit, a cell whose name
 * is gone). A blank cell is "not filled in" (null), never 0. A workbook written for the other
 * layout, or not written by this app, is refused whole. Universal: plain data in, plain data
 * out, so the route answers it and the tests check it without a browser.
 */
import { compileLayout, cellValueIssue, cellValueMessage, getLayout, layoutIds, type Layout } from "@/lib/template";
import { parseCellValue } from "../parse-cell-value";
import { isLayoutKey, layoutKeyOfName, WORKBOOK_TITLE_NAME, workbookCellName } from "./report-workbook-names";
import type { ReportWorkbookReading, WorkbookCellValue } from "./types";

export type WorkbookCellRefusal = {
  readonly cellId: string;
  /** Where the clerk finds it in the file (C12), '' when the cell is no longer there. */
  readonly address: string;
  readonly message: string;
};

/** What could be read of a workbook written for the draft's layout. */
export interface WorkbookFigures {
  /** The title of the report the file was downloaded for, as written in its first row. */
  readonly title: string | null;
  /** Every input cell that could be read: its figure, or null where the cell is blank. */
  readonly cells: Readonly<Record<string, number | null>>;
  readonly refusals: readonly WorkbookCellRefusal[];
}

export type WorkbookUpload =
  ({ readonly ok: true } & WorkbookFigures) | { readonly ok: false; readonly message: string };

/** What the upload route answers the wizard: the file's readable figures, refusals, its name. */
export type WorkbookUploadPreview = { readonly ok: true; readonly fileName: string } & WorkbookFigures;

export const workbookMessages = {
  notOurs: (): string =>
    "文件中没有本系统表格的格子标记，无法确定每个数字对应的格子。请在本页“下载 Excel 表格”，在下载的文件中填写后再上传（不要把内容复制到新的工作簿）",
  otherLayout: (basis: string): string =>
    `这个表格是按另一种报告格式（${basis}）下载的，与本报告的格式不同，未读取。请在本页重新下载表格后填写`,
  missing: (): string => "文件中找不到这个格子（可能已被删除或移动），未读取；请重新下载表格后填写",
  formula: (address: string): string => `${address} 是公式，不读取公式；请直接填写数字`,
  error: (address: string, shown: string): string => `${address} 是错误值 ${shown}，请改为数字`,
  notNumber: (address: string, shown: string): string =>
    `${address} 的“${shown}”不是数字：请只填写数字，没有发生的请填 0`,
  notFigure: (address: string): string => `${address} 不是数字（日期或其他内容），请改为数字`,
  invalid: (address: string, reason: string): string => `${address}：${reason}`,
} as const;

/** Figures as an office program stores them: 0.1 + 0.2 saved as 0.30000000000000004 is 0.3. */
function tidy(value: number): number {
  const rounded = Number(value.toPrecision(15));
  return Object.is(rounded, -0) ? 0 : rounded;
}

function figureOf(value: WorkbookCellValue, address: string): { value: number | null } | { message: string } {
  switch (value.kind) {
    case "empty":
      return { value: null };
    case "number":
      return { value: tidy(value.value) };
    case "text": {
      const parsed = parseCellValue(value.text);
      // A unit in the cell (147230元) is not converted here: the workbook's columns state theirs.
      if (parsed?.kind === "number" && parsed.unit === undefined) return { value: tidy(parsed.value) };
      return { message: workbookMessages.notNumber(address, value.text.trim().slice(0, 20)) };
    }
    case "formula":
      return { message: workbookMessages.formula(address) };
    case "error":
      return { message: workbookMessages.error(address, value.text) };
    case "other":
      return { message: workbookMessages.notFigure(address) };
  }
}

export function placeWorkbookCells(
  layout: Layout,
  reading: Extract<ReportWorkbookReading, { ok: true }>,
): WorkbookUpload {
  const byName = new Map(reading.cells.map((cell) => [cell.name, cell]));
  const misplaced = new Set(reading.misplacedNames);
  const compiled = compileLayout(layout);
  const names = compiled.inputCells.map((cell) => ({ cell, name: workbookCellName(layout.id, cell.id) }));
  if (!names.some(({ name }) => byName.has(name) || misplaced.has(name))) {
    const keys = [...reading.cells.map((cell) => cell.name), ...reading.misplacedNames].map(layoutKeyOfName);
    const other = layoutIds.find((id) => id !== layout.id && keys.some((key) => key !== null && isLayoutKey(id, key)));
    return {
      ok: false,
      message: other ? workbookMessages.otherLayout(getLayout(other).basis) : workbookMessages.notOurs(),
    };
  }

  const cells: Record<string, number | null> = {};
  const refusals: WorkbookCellRefusal[] = [];
  for (const { cell, name } of names) {
    const named = byName.get(name);
    if (!named) {
      refusals.push({ cellId: cell.id, address: "", message: workbookMessages.missing() });
      continue;
    }
    const figure = figureOf(named.value, named.address);
    if ("message" in figure) {
      refusals.push({ cellId: cell.id, address: named.address, message: figure.message });
      continue;
    }
    const issue = figure.value === null ? undefined : cellValueIssue(figure.value, cell.type);
    if (issue) {
      refusals.push({
        cellId: cell.id,
        address: named.address,
        message: workbookMessages.invalid(named.address, cellValueMessage(issue, cell.type)),
      });
      continue;
    }
    cells[cell.id] = figure.value;
  }
  const title = byName.get(WORKBOOK_TITLE_NAME)?.value;
  return { ok: true, title: title?.kind === "text" ? title.text : null, cells, refusals };
}
