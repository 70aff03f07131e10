/**
 * An uploaded report workbook → its named cells, refusing what is not an .xlsx before reading
 * a byte of it (.xls, .xlsm and .xlsb are told how to save, an empty or oversized file is
 * refused), then read by readReportWorkbook in the reading pool (time and memory limits, off
 * the request thread); a full pool is a refusal saying to try again. Server-only.
 */
import { readReportWorkbookInWorker } from "../read-in-worker";
import { readCheckedUpload } from "./read-spreadsheet-upload";
import type { ReportWorkbookReading } from "./types";

export function readReportWorkbookUpload(fileName: string, bytes: Uint8Array): Promise<ReportWorkbookReading> {
  return readCheckedUpload(fileName, bytes, [".xlsx"], readReportWorkbookInWorker);
}
