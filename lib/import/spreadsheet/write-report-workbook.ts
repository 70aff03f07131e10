/**
 * The report's tables (二, 三, 四) as a workbook a clerk fills in Excel, WPS or LibreOffice
 * and uploads back into the draft (read-report-workbook.ts reads it). Drawn from the one view
 * model (lib/render/to-report-view.ts), so the merged headers are the printed ones and no row
 * is named here: header and label cells are locked by sheet protection (no password, so
 * nothing is hidden from the clerk, only guarded against slips), input cells are unlocked
 * with the cell type's validation (whole numbers ≥ 0, 本年增/减 signed, money with the
 * layout's decimals), totals are formulas over their operands (compileLayout's `total`), and
 * every input cell carries its defined name (report-workbook-names.ts). Server-only: exceljs.
 */
import ExcelJS from "exceljs";
import { toReportView, type GridView, type ValueCellView } from "@/lib/render/to-report-view";
import type { ReportData } from "@/lib/report-data";
import { compileLayout, MAX_CELL_VALUE, MAX_MONEY_DECIMALS, type CellType, type Layout } from "@/lib/template";
import { columnLetter } from "./messages";
import { WORKBOOK_TITLE_NAME, workbookCellName } from "./report-workbook-names";

export const REPORT_WORKBOOK_SHEET = "年报表格";

export type ReportWorkbookOptions = {
  readonly organizationName: string;
  readonly year: number;
  /** false: every input cell empty (the blank form); true: the draft's figures. */
  readonly withFigures: boolean;
};

const LABEL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E9EE" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F4F6" } };
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF6B7280" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The entry rule of a cell type, as the office program checks it on typing. */
function validationFor(type: CellType, decimals: number | undefined, address: string): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: "数字有误" } as const;
  switch (type) {
    case "count":
      return {
        ...common,
        type: "whole",
        operator: "between",
        formulae: [0, MAX_CELL_VALUE],
        error: "请填写 0 或正整数；没有发生的请填 0",
      };
    case "signedCount":
      return {
        ...common,
        type: "whole",
        operator: "between",
        formulae: [-MAX_CELL_VALUE, MAX_CELL_VALUE],
        error: "请填写整数（减少的填负数）",
      };
    case "money": {
      const places = decimals ?? MAX_MONEY_DECIMALS;
      return {
        ...common,
        type: "custom",
        formulae: [
          `AND(ISNUMBER(${address}),${address}>=0,${address}<=${MAX_CELL_VALUE},ROUND(${address},${places})=${address})`,
        ],
        error: `请填写金额（万元），最多 ${places} 位小数`,
      };
    }
  }
}

function numberFormatFor(type: CellType, decimals: number | undefined): string {
  if (type !== "money") return "0";
  return decimals === undefined ? "General" : `0.${"0".repeat(decimals)}`;
}

type Placed = { readonly view: ValueCellView; readonly address: string; readonly absolute: string };

/** Writes one grid's header and body rows from `top`; answers the next free row. */
function writeGrid(sheet: ExcelJS.Worksheet, grid: GridView, top: number, placed: Placed[]): number {
  const rows = [...grid.headerRows, ...grid.bodyRows.map((row) => row.cells)];
  rows.forEach((cells, index) => {
    const rowNumber = top + index;
    for (const cell of cells) {
      const column = cell.column + 1;
      const target = sheet.getCell(rowNumber, column);
      if (cell.kind === "header") {
        target.value = cell.text;
        target.alignment = {
          vertical: "middle",
          horizontal: cell.scope.startsWith("col") ? "center" : "left",
          wrapText: true,
        };
        target.fill = LABEL_FILL;
        target.font = { bold: cell.scope.startsWith("col") };
        if (cell.colSpan > 1 || cell.rowSpan > 1)
          sheet.mergeCells(rowNumber, column, rowNumber + cell.rowSpan - 1, column + cell.colSpan - 1);
        for (let r = 0; r < cell.rowSpan; r += 1)
          for (let c = 0; c < cell.colSpan; c += 1) sheet.getCell(rowNumber + r, column + c).border = BORDER;
      } else {
        const letter = columnLetter(cell.column);
        placed.push({ view: cell, address: `${letter}${rowNumber}`, absolute: `$${letter}$${rowNumber}` });
        target.border = BORDER;
      }
    }
  });
  return top + rows.length;
}

export async function writeReportWorkbook(
  layout: Layout,
  data: ReportData,
  options: ReportWorkbookOptions,
): Promise<Uint8Array> {
  const compiled = compileLayout(layout);
  const view = toReportView(layout, data, { organizationName: options.organizationName, year: options.year });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "年报";
  // Totals are formulas: an office program that opens the file recomputes them.
  workbook.calcProperties = { fullCalcOnLoad: true };
  const sheet = workbook.addWorksheet(REPORT_WORKBOOK_SHEET, { properties: { defaultColWidth: 12 } });
  const tables = view.sections.filter((section) => section.kind === "table");
  const width = Math.max(...tables.flatMap((table) => table.grids.map((grid) => grid.columnCount)));

  const title = sheet.getCell(1, 1);
  title.value = `${view.title}（表格）`;
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, width);
  workbook.definedNames.add(`'${REPORT_WORKBOOK_SHEET}'!$A$1`, WORKBOOK_TITLE_NAME);
  const note = sheet.getCell(2, 1);
  note.value =
    "请只在白色格子中填写数字（没有发生的请填 0），灰色格子是表头和自动计算的合计，已锁定。填好后在报告填写页面“上传填好的表格”。";
  note.alignment = { wrapText: true, vertical: "top" };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getRow(2).height = 32;

  const placed: Placed[] = [];
  let row = 4;
  for (const table of tables) {
    const heading = sheet.getCell(row, 1);
    heading.value = table.heading;
    heading.font = { bold: true, size: 12 };
    row += 1;
    for (const grid of table.grids) {
      if (grid.title) {
        sheet.getCell(row, 1).value = grid.title;
        sheet.getCell(row, 1).font = { bold: true };
        row += 1;
      }
      row = writeGrid(sheet, grid, row, placed);
    }
    row += 1;
  }

  const addressOf = new Map(placed.map(({ view: cell, address }) => [cell.cellId, address]));
  for (const { view: cell, address, absolute } of placed) {
    const def = compiled.cell(cell.cellId);
    if (!def) throw new Error(`report workbook: ${cell.cellId} is not a cell of ${layout.id}`);
    const target = sheet.getCell(address);
    target.numFmt = numberFormatFor(def.type, def.decimals);
    target.alignment = { horizontal: "right" };
    if (def.total) {
      const operands = def.total.operands.map((operand) => {
        const at = addressOf.get(operand);
        if (!at) throw new Error(`report workbook: operand ${operand} of ${def.id} is not on the sheet`);
        return at;
      });
      target.value = {
        formula: `SUM(${operands.join(",")})`,
        ...(options.withFigures && cell.value !== null ? { result: cell.value } : {}),
      } as ExcelJS.CellFormulaValue;
      target.fill = TOTAL_FILL;
      target.font = { bold: true };
    } else {
      target.value = options.withFigures ? cell.value : null;
      target.protection = { locked: false };
      target.dataValidation = validationFor(def.type, def.decimals, address);
      workbook.definedNames.add(`'${REPORT_WORKBOOK_SHEET}'!${absolute}`, workbookCellName(layout.id, def.id));
    }
  }

  const labelColumns = Math.max(...tables.flatMap((table) => table.grids.map((grid) => grid.stubColumnCount)));
  for (let column = 1; column <= width; column += 1)
    sheet.getColumn(column).width = column <= labelColumns ? (column === labelColumns ? 34 : 16) : 12;
  // No password: the lock guards labels and formulas against slips, it hides nothing.
  await sheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
