/**
 * A CSV file → rows, parsed by papaparse. Excel and WPS on a Chinese Windows save “CSV”
 * in GB18030 (GBK), “CSV UTF-8” with a byte-order mark, and “Unicode 文本” in UTF-16 with
 * tabs: bytes that are valid UTF-8 are read as UTF-8 (a BOM is dropped), a UTF-16 BOM as
 * UTF-16, anything else as GB18030. The delimiter (comma, tab, semicolon) is guessed by
 * papaparse. Parsing stops as soon as the row cap is passed. Universal: TextDecoder and
 * papaparse run in browsers and in Node.
 */
import Papa from "papaparse";
import { MAX_SPREADSHEET_ROWS } from "./limits";
import { refusal, spreadsheetMessages } from "./messages";
import { shapeRows, type RawRow } from "./shape-rows";
import type { SpreadsheetEncoding, SpreadsheetReading } from "./types";

export function decodeSpreadsheetText(bytes: Uint8Array): { text: string; encoding: SpreadsheetEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** Text with NUL bytes or other C0 controls in bulk is a binary file, not a table. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes("\u0000")) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > Math.max(8, sample.length / 50);
}

export function readCsv(bytes: Uint8Array): SpreadsheetReading {
  const { text, encoding } = decodeSpreadsheetText(bytes);
  if (looksBinary(text)) return refusal("notText", spreadsheetMessages.notText());
  const rawRows: RawRow[] = [];
  let filled = 0;
  let isTooLong = false;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [",", "\t", ";", "|"],
    step: (result, parser) => {
      const cells = result.data.map((cell) => String(cell ?? ""));
      if (cells.some((cell) => cell.trim() !== "")) filled += 1;
      if (filled > MAX_SPREADSHEET_ROWS + 1) {
        isTooLong = true;
        parser.abort();
        return;
      }
      rawRows.push({ rowNumber: rawRows.length + 1, cells, problems: [] });
    },
  });
  if (isTooLong) return refusal("tooManyRows", spreadsheetMessages.tooManyRows(MAX_SPREADSHEET_ROWS));
  return shapeRows(rawRows, { format: "csv", encoding, sheetName: null });
}
