// A thread of the reading pool (read-in-worker.ts). worker-task.mjs registers tsx first,
// so the very same lib/import code runs here under `next start`, vitest and tsx.
import { startTask } from "../worker-pool/worker-task.mjs";

// Each kind's readers are loaded on its first task (a thread that only reads reports never
// loads exceljs).
const readers = {
  report: async () => (await import("./read-report-bytes.ts")).readReportBytes,
  spreadsheet: async () => (await import("./spreadsheet/read-spreadsheet-bytes.ts")).readSpreadsheetBytes,
  reportWorkbook: async () => (await import("./spreadsheet/read-report-workbook.ts")).readReportWorkbook,
};

/**
 * One file: says on `started` when reading begins, then returns the reading of the task's
 * kind (a report, a spreadsheet of units or accounts, or a
 * report workbook filled in an office program).
 */
export default async function readTask({ kind = "report", bytes, fileName, started }) {
  const read = await readers[kind]();
  startTask(started);
  return read(bytes, fileName);
}
