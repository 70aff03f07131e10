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
import type { SpreadsheetReading, SpreadsheetRefusal } from "./types";

export function readSpreadsheetUpload(fileName: string, bytes: Uint8Array): Promise<SpreadsheetReading> {
  return readCheckedUpload(fileName, bytes, SPREADSHEET_EXTENSIONS, readSpreadsheetBytesInWorker);
}

/**
 * The refusals every uploaded spreadsheet gets before a byte of it is read (a name not in
 * `extensions`, an empty file, one over MAX_SPREADSHEET_BYTES), then `read` in the reading
 * pool, whose being full is a refusal too.
 */
export async function readCheckedUpload<R>(
  fileName: string,
  bytes: Uint8Array,
  extensions: readonly string[],
  read: (bytes: Uint8Array, fileName: string) => Promise<R>,
): Promise<R | SpreadsheetRefusal> {
  const extension = extensionOf(fileName);
  if (!extensions.includes(extension)) return refusal("unsupported", spreadsheetMessages.unsupported(extension));
  if (bytes.byteLength === 0) return refusal("empty", spreadsheetMessages.empty());
  if (bytes.byteLength > MAX_SPREADSHEET_BYTES)
    return refusal("tooLarge", spreadsheetMessages.tooLarge(bytes.byteLength, MAX_SPREADSHEET_BYTES));
  try {
    return await read(bytes, fileName);
  } catch (error) {
    if (error instanceof ReadersBusyError) return refusal("busy", spreadsheetMessages.busy());
    throw error;
  }
}
