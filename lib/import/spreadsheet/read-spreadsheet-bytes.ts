/**
 * Bytes of an uploaded list (units, accounts) → a reading. The reader is chosen by the file's
 * content, not only its name: a ZIP is an .xlsx, an OLE compound file is an old .xls or an
 * encrypted workbook (refused with how to save it), anything else is read as CSV text.
 * Runs in the reading pool (read-in-worker.ts), never on the request thread. Server-only.
 */
import { extensionOf } from "../source-for-name";
import { MAX_SPREADSHEET_BYTES } from "./limits";
import { refusal, spreadsheetMessages } from "./messages";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import type { SpreadsheetReading } from "./types";

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function readSpreadsheetBytes(bytes: Uint8Array, fileName: string): Promise<SpreadsheetReading> {
  if (bytes.byteLength === 0) return refusal("empty", spreadsheetMessages.empty());
  if (bytes.byteLength > MAX_SPREADSHEET_BYTES)
    return refusal("tooLarge", spreadsheetMessages.tooLarge(bytes.byteLength, MAX_SPREADSHEET_BYTES));
  if (startsWith(bytes, OLE)) return refusal("legacyFormat", spreadsheetMessages.legacyFormat());
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (extensionOf(fileName) === ".xlsx") return refusal("damaged", spreadsheetMessages.damaged());
  return readCsv(bytes);
}
