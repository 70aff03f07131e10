/**
 * Server-only readers: .docx (node:zlib for the zip-bomb check), files
 * on disk (node:fs) and the reading pool (worker threads) that uploads
 * and files go through. Not re-exported from the universal index.
 */
export { readReportDocx } from "./read-report-docx";
export { readReportBytes, sourceForName, extensionOf, READABLE_EXTENSIONS, MAX_FILE_BYTES } from "./read-report-bytes";
export { readReportFile, readReportFileInWorker } from "./read-report-file";
export { extractDocxParts } from "./extract-docx-parts";
export type { DocxParts } from "./extract-docx-parts";
export { readUpload } from "./read-upload";
export { readReportPdf } from "./read-report-pdf";
export { readReportBytesInWorker, ReadersBusyError } from "./read-in-worker";
export { readSpreadsheetUpload } from "./spreadsheet/read-spreadsheet-upload";
export { readSpreadsheetBytes } from "./spreadsheet/read-spreadsheet-bytes";
export { readReportWorkbookUpload } from "./spreadsheet/read-report-workbook-upload";
export { readReportWorkbook } from "./spreadsheet/read-report-workbook";
export { writeReportWorkbook } from "./spreadsheet/write-report-workbook";
export {
  spreadsheetTemplateDownload,
  writeSpreadsheetTemplate,
  XLSX_CONTENT_TYPE,
} from "./spreadsheet/write-spreadsheet-template";
export type { SpreadsheetTemplate } from "./spreadsheet/write-spreadsheet-template";
