/**
 * An uploaded report workbook → its named cells, refusing what is not an .xlsx before reading
 * a byte of it (.xls, .xlsm and .xlsb are told how to save, an empty or oversized file is
 * refused), then read by readReportWorkbook in the reading pool (time and memory limits, off
 * the request thread); a full pool is a refusal saying to try again. Server-only.
 */
import { ReadersBusyError, readReportWorkbookInWorker } from "../read-in-worker";
import { extensionOf } from "../source-for-name";
import { MAX_SPREADSHEET_BYTES } from "./limits";
import { refusal, spreadsheetMessages } from "./messages";
import type { ReportWorkbookReading } from "./types";

export async function readReportWorkbookUpload(fileName: string, bytes: Uint8Array): Promise<ReportWorkbookReading> {
  const extension = extensionOf(fileName);
  if (extension !== ".xlsx") return refusal("unsupported", spreadsheetMessages.unsupported(extension));
  if (bytes.byteLength === 0) return refusal("empty", spreadsheetMessages.empty());
  if (bytes.byteLength > MAX_SPREADSHEET_BYTES)
    return refusal("tooLarge", spreadsheetMessages.tooLarge(bytes.byteLength, MAX_SPREADSHEET_BYTES));
  try {
    return await readReportWorkbookInWorker(bytes, fileName);
  } catch (error) {
    if (error instanceof ReadersBusyError) return refusal("busy", spreadsheetMessages.busy());
    throw error;
  }
}
