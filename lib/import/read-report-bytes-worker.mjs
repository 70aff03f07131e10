// A thread of the reading pool (read-in-worker.ts). worker-task.mjs registers tsx first,
// so the very same lib/import code runs here under `next start`, vitest and tsx.
import { workerData } from "node:worker_threads";
import { startTask } from "../worker-pool/worker-task.mjs";

// Each kind's readers are loaded on its first task (a thread that only reads reports never
// loads exceljs).
const readers = {
  report: async () => (await import("./read-report-bytes.ts")).readReportBytes,
  spreadsheet: async () => (await import("./spreadsheet/read-spreadsheet-bytes.ts")).readSpreadsheetBytes,
  reportWorkbook: async () => (await import("./spreadsheet/read-report-workbook.ts")).readReportWorkbook,
};

// Before the pool hands this thread its first task (read-in-worker.ts, `warmUp`): the report
// readers and pdf.js are loaded and a small PDF is read once, so a user's first file costs its
// reading, not seconds of loading and compiling (`npm run bench -- import`). A failed warm-up
// leaves a thread that loads on its first task, as without one; it never stops the pool.
if (workerData?.warmUp) {
  try {
    const [{ prepareReader, readReportBytes }, { warmUpPdf }] = await Promise.all([
      import("./read-report-bytes.ts"),
      import("./warm-up-pdf.ts"),
    ]);
    const bytes = warmUpPdf();
    await prepareReader(bytes, "warm-up.pdf");
    await readReportBytes(bytes, "warm-up.pdf");
  } catch (error) {
    console.error("reading pool: warming up a thread failed", error);
  }
}

/**
 * One file: says on `started` when reading begins, then returns the reading of the task's
 * kind (a report, a spreadsheet of units or accounts, or a
 * report workbook filled in an office program).
 */
export default async function readTask({ kind = "report", bytes, fileName, started }) {
  const read = await readers[kind]();
  // A PDF's reader (pdf.js) is loaded before its time starts, like the readers above.
  if (kind === "report") await (await import("./read-report-bytes.ts")).prepareReader(bytes, fileName);
  startTask(started);
  return read(bytes, fileName);
}
