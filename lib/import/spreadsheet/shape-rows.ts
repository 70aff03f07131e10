/**
 * Raw rows of a worksheet or a CSV file → the reading: cells trimmed, empty rows dropped,
 * the first row with content taken as the header, over-long cells cut with a problem on their
 * row, and the column cap checked. Shared by the .xlsx and the .csv reader, so both answer
 * the same shape. Universal.
 */
import { MAX_CELL_CHARACTERS, MAX_SPREADSHEET_COLUMNS } from "./limits";
import { refusal, spreadsheetMessages } from "./messages";
import type {
  SpreadsheetCellProblem,
  SpreadsheetEncoding,
  SpreadsheetFormat,
  SpreadsheetReading,
  SpreadsheetRow,
} from "./types";

export type RawRow = { rowNumber: number; cells: string[]; problems: SpreadsheetCellProblem[] };

/** Whitespace around a cell's text, full-width spaces, no-break spaces and zero-width characters included. */
const EDGE_SPACE = /^[\s\u3000\u00a0\u200b\u200c\u200d\u2060\ufeff]+|[\s\u3000\u00a0\u200b\u200c\u200d\u2060\ufeff]+$/g;

export function trimCell(text: string): string {
  return text.replace(EDGE_SPACE, "");
}

function isEmptyRow(row: RawRow): boolean {
  return row.cells.every((cell) => cell === "") && row.problems.length === 0;
}

export function shapeRows(
  rawRows: readonly RawRow[],
  source: { format: SpreadsheetFormat; encoding: SpreadsheetEncoding | null; sheetName: string | null },
): SpreadsheetReading {
  const rows: RawRow[] = [];
  let width = 0;
  for (const raw of rawRows) {
    const problems = [...raw.problems];
    const cells = raw.cells.map((cell, column) => {
      const trimmed = trimCell(cell);
      if (trimmed.length <= MAX_CELL_CHARACTERS) return trimmed;
      problems.push({ column, message: spreadsheetMessages.cellTooLong(column, MAX_CELL_CHARACTERS) });
      return trimmed.slice(0, MAX_CELL_CHARACTERS);
    });
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    const row = { rowNumber: raw.rowNumber, cells, problems };
    if (isEmptyRow(row)) continue;
    width = Math.max(width, cells.length, ...problems.map((problem) => problem.column + 1));
    rows.push(row);
  }
  if (width > MAX_SPREADSHEET_COLUMNS)
    return refusal("tooManyColumns", spreadsheetMessages.tooManyColumns(width, MAX_SPREADSHEET_COLUMNS));
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return refusal("noHeader", spreadsheetMessages.noHeader());
  const header = headerRow.cells;
  const padded = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, header.length - cells.length)).fill("")];
  return {
    ok: true,
    ...source,
    headerRowNumber: headerRow.rowNumber,
    header,
    rows: dataRows.map((row): SpreadsheetRow => ({ ...row, cells: padded(row.cells) })),
  };
}
