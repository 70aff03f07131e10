/**
 * An uploaded spreadsheet (a list of units or accounts) → a reading, refusing what the app
 * does not take before reading a byte of it: a name other than .xlsx or .csv (.xls, .xlsm
 * and .xlsb are told how to save), an empty file, a file over MAX_SPREADSHEET_BYTES. What
 * passes is read by readSpreadsheetBytes in the reading pool (time and memory limits, off
 * the request thread); a full pool is a refusal saying to try again. Server-only.
 */
import { ReadersBusyError, readSpreadsheetBytesInWorker } from "../read-in-worker";
import { extensionOf } from "../source-for-name";
import { MAX_SPREADSHEET_BYTES, SPREADSHEET_EXTENSIONS } from "./limits";
import { refusal, spreadsheetMessages } from "./messages";
import type { SpreadsheetReading } from "./types";

export async function readSpreadsheetUpload(fileName: string, bytes: Uint8Array): Promise<SpreadsheetReading> {
  const extension = extensionOf(fileName);
  if (!(SPREADSHEET_EXTENSIONS as readonly string[]).includes(extension))
    return refusal("unsupported", spreadsheetMessages.unsupported(extension));
  if (bytes.byteLength === 0) return refusal("empty", spreadsheetMessages.empty());
  if (bytes.byteLength > MAX_SPREADSHEET_BYTES)
    return refusal("tooLarge", spreadsheetMessages.tooLarge(bytes.byteLength, MAX_SPREADSHEET_BYTES));
  try {
    return await readSpreadsheetBytesInWorker(bytes, fileName);
  } catch (error) {
    if (error instanceof ReadersBusyError) return refusal("busy", spreadsheetMessages.busy());
    throw error;
  }
}
