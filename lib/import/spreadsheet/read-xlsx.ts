/**
 * An .xlsx workbook (written by Excel, WPS or LibreOffice) → the rows of its first visible
 * worksheet, read with exceljs's streaming reader. Only the parts extractXlsxParts unzipped
 * with its caps are handed to exceljs, repacked in the order its reader needs (shared strings
 * before the sheet, so it never spills to temporary files); merged cells, data validations
 * and conditional formats are never expanded, and reading stops as soon as the row cap is
 * passed. Formulas are not evaluated and not read: a formula cell is a problem of its row,
 * since its cached result may be stale or missing. Server-only: node:stream, yauzl.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { extractXlsxParts, type XlsxParts } from "./extract-xlsx-parts";
import { MAX_SPREADSHEET_ROWS, MAX_XLSX_XML_BYTES } from "./limits";
import { refusal, spreadsheetMessages } from "./messages";
import { shapeRows, type RawRow } from "./shape-rows";
import type { SpreadsheetCellProblem, SpreadsheetReading, SpreadsheetRefusal } from "./types";

const SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const encoder = new TextEncoder();

/** Integers from 10^15 on have lost digits in Excel (15 significant digits). */
const LARGEST_EXACT_NUMBER = 1e15;

/**
 * Rows in the sheet's XML (formatted empty ones included), counted before exceljs reads it:
 * a sheet with this many is refused at once however few of its rows hold values.
 */
export const MAX_SHEET_XML_ROWS = 4 * MAX_SPREADSHEET_ROWS;

export function minimalPackage(parts: {
  sheetXml: Uint8Array;
  sharedStringsXml: Uint8Array | null;
  stylesXml: Uint8Array | null;
  isDate1904: boolean;
}): Uint8Array {
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIPS_NS}"><workbookPr date1904="${parts.isDate1904 ? 1 : 0}"/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  const emptyStrings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${SPREADSHEET_NS}" count="0" uniqueCount="0"/>`;
  // fflate writes entries in insertion order: exceljs needs rels, workbook and strings first.
  return zipSync(
    {
      "xl/_rels/workbook.xml.rels": encoder.encode(rels),
      "xl/workbook.xml": encoder.encode(workbook),
      "xl/sharedStrings.xml": parts.sharedStringsXml ?? encoder.encode(emptyStrings),
      ...(parts.stylesXml ? { "xl/styles.xml": parts.stylesXml } : {}),
      "xl/worksheets/sheet1.xml": parts.sheetXml,
    },
    { level: 1 },
  );
}

/** exceljs's streaming reader over the minimal package: values, shared strings and styles only. */
export function minimalPackageReader(parts: Parameters<typeof minimalPackage>[0]): ExcelJS.stream.xlsx.WorkbookReader {
  return new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(minimalPackage(parts))]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
}

export function countRowElements(xml: Uint8Array): number {
  const text = new TextDecoder().decode(xml);
  return text.match(/<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g)?.length ?? 0;
}

function formatDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

type CellValue = ExcelJS.CellValue | { formula?: unknown; sharedFormula?: unknown; result?: unknown };

/** A cell's value as text, or the problem that keeps it from being read. */
function cellText(value: CellValue, column: number): { text: string; problem?: SpreadsheetCellProblem } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (typeof value === "number") {
    const text = Number.isInteger(value) ? BigInt(value).toString() : String(value);
    return Math.abs(value) >= LARGEST_EXACT_NUMBER
      ? { text, problem: { column, message: spreadsheetMessages.lostDigits(column) } }
      : { text };
  }
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? "" : formatDate(value) };
  if ("formula" in value || "sharedFormula" in value)
    return { text: "", problem: { column, message: spreadsheetMessages.formula(column) } };
  if ("error" in value) {
    const shown = String((value as { error: unknown }).error);
    return { text: "", problem: { column, message: spreadsheetMessages.cellError(column, shown) } };
  }
  if ("richText" in value && Array.isArray(value.richText))
    return { text: value.richText.map((run: { text?: unknown }) => String(run.text ?? "")).join("") };
  if ("text" in value) return cellText((value as { text: CellValue }).text, column);
  return { text: "" };
}

/** Why extractXlsxParts would not hand over a workbook, as the reading's refusal. */
export function partsRefusal(reason: Extract<XlsxParts, { ok: false }>["reason"]): SpreadsheetRefusal {
  switch (reason) {
    case "damaged":
      return refusal("damaged", spreadsheetMessages.damaged());
    case "tooLarge":
      return refusal("archiveTooLarge", spreadsheetMessages.archiveTooLarge(MAX_XLSX_XML_BYTES));
    case "unsafe":
      return refusal("archiveUnsafe", spreadsheetMessages.archiveUnsafe());
    case "macros":
      return refusal("macros", spreadsheetMessages.macros());
    case "externalLinks":
      return refusal("externalLinks", spreadsheetMessages.externalLinks());
    case "noSheet":
      return refusal("noSheet", spreadsheetMessages.noSheet());
  }
}

export async function readXlsx(bytes: Uint8Array): Promise<SpreadsheetReading> {
  const parts = await extractXlsxParts(bytes);
  if (!parts.ok) return partsRefusal(parts.reason);
  if (countRowElements(parts.sheetXml) > MAX_SHEET_XML_ROWS)
    return refusal("tooManyRows", spreadsheetMessages.tooManyRows(MAX_SPREADSHEET_ROWS));

  const reader = minimalPackageReader(parts);
  const rawRows: RawRow[] = [];
  let filled = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        const problems: SpreadsheetCellProblem[] = [];
        row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
          const column = columnNumber - 1;
          const { text, problem } = cellText(cell.value as CellValue, column);
          while (cells.length < column) cells.push("");
          cells[column] = text;
          if (problem) problems.push(problem);
        });
        if (cells.some((cell) => cell.trim() !== "") || problems.length > 0) filled += 1;
        // The header and the rows under it: one more than the cap is enough to refuse.
        if (filled > MAX_SPREADSHEET_ROWS + 1)
          return refusal("tooManyRows", spreadsheetMessages.tooManyRows(MAX_SPREADSHEET_ROWS));
        rawRows.push({ rowNumber: row.number, cells, problems });
      }
      break;
    }
  } catch {
    return refusal("damaged", spreadsheetMessages.damaged());
  }
  return shapeRows(rawRows, { format: "xlsx", encoding: null, sheetName: parts.sheetName });
}
