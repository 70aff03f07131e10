/**
 * An uploaded report workbook (one this app wrote, filled and re-saved by Excel, WPS or
 * LibreOffice) → the content of each named cell. The same capped unzipping as any uploaded
 * workbook (extract-xlsx-parts.ts: macros and external links refused, parts inflated with a
 * budget) and the same row cap before exceljs reads the sheet; then only the cells the
 * workbook's defined names point at are kept. Formulas are never evaluated: a formula in a
 * named cell is reported as such. Runs in the reading pool (read-in-worker.ts). Server-only.
 */
import ExcelJS from "exceljs";
import { extractXlsxParts, type DefinedName } from "./extract-xlsx-parts";
import { MAX_SPREADSHEET_BYTES, MAX_SPREADSHEET_ROWS } from "./limits";
import { columnLetter, refusal, spreadsheetMessages } from "./messages";
import { countRowElements, MAX_SHEET_XML_ROWS, minimalPackageReader, partsRefusal } from "./read-xlsx";
import type { ReportWorkbookReading, WorkbookCellValue, WorkbookNamedCell } from "./types";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte);

/** `'年报表格'!$C$5` or `年报表格!C5` → sheet and address; null for a range, a formula or #REF!. */
function parseReference(refersTo: string): { sheet: string; address: string } | null {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(refersTo.trim());
  if (!match) return null;
  return { sheet: (match[1] ?? match[2] ?? "").replace(/''/g, "'"), address: `${match[3]!.toUpperCase()}${match[4]}` };
}

type RawValue = ExcelJS.CellValue | { formula?: unknown; sharedFormula?: unknown; error?: unknown };

function valueOf(value: RawValue): WorkbookCellValue {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") return value.trim() === "" ? { kind: "empty" } : { kind: "text", text: value };
  if (typeof value === "boolean" || value instanceof Date) return { kind: "other" };
  if ("formula" in value || "sharedFormula" in value) return { kind: "formula" };
  if ("error" in value) return { kind: "error", text: String(value.error) };
  if ("richText" in value && Array.isArray(value.richText)) {
    const text = value.richText.map((run: { text?: unknown }) => String(run.text ?? "")).join("");
    return text.trim() === "" ? { kind: "empty" } : { kind: "text", text };
  }
  return { kind: "other" };
}

export async function readReportWorkbook(bytes: Uint8Array): Promise<ReportWorkbookReading> {
  if (bytes.byteLength === 0) return refusal("empty", spreadsheetMessages.empty());
  if (bytes.byteLength > MAX_SPREADSHEET_BYTES)
    return refusal("tooLarge", spreadsheetMessages.tooLarge(bytes.byteLength, MAX_SPREADSHEET_BYTES));
  if (startsWith(bytes, OLE)) return refusal("legacyFormat", spreadsheetMessages.legacyFormat());
  if (!startsWith(bytes, ZIP)) return refusal("damaged", spreadsheetMessages.damaged());
  const parts = await extractXlsxParts(bytes);
  if (!parts.ok) return partsRefusal(parts.reason);
  if (countRowElements(parts.sheetXml) > MAX_SHEET_XML_ROWS)
    return refusal("tooManyRows", spreadsheetMessages.tooManyRows(MAX_SPREADSHEET_ROWS));

  const namesAt = new Map<string, string[]>();
  const misplacedNames: string[] = [];
  const place = (defined: DefinedName) => {
    const reference = parseReference(defined.refersTo);
    if (!reference || reference.sheet !== parts.sheetName) return misplacedNames.push(defined.name);
    namesAt.set(reference.address, [...(namesAt.get(reference.address) ?? []), defined.name]);
  };
  parts.definedNames.forEach(place);
  const lastRow = Math.max(0, ...[...namesAt.keys()].map((address) => Number(/\d+$/.exec(address)?.[0] ?? 0)));

  const found = new Map<string, WorkbookCellValue>();
  const reader = minimalPackageReader(parts);
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number > lastRow) break;
        row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
          const address = `${columnLetter(columnNumber - 1)}${row.number}`;
          if (namesAt.has(address)) found.set(address, valueOf(cell.value as RawValue));
        });
      }
      break;
    }
  } catch {
    return refusal("damaged", spreadsheetMessages.damaged());
  }
  const cells: WorkbookNamedCell[] = [...namesAt].flatMap(([address, names]) =>
    names.map((name) => ({ name, address, value: found.get(address) ?? { kind: "empty" as const } })),
  );
  return { ok: true, sheetName: parts.sheetName, cells, misplacedNames };
}
