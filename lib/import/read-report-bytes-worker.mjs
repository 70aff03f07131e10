// A thread of the reading pool (read-in-worker.ts). It loads the readers' TypeScript
// sources through tsx, as `npm start` and `npm run check` load theirs, so the very same
// lib/import code runs here under `next start` (whose bundle does not contain the
// readers), under vitest and on the command line.
import { register } from "tsx/esm/api";

register();

// Each kind's readers are loaded on its first task (a thread that only reads reports never
// loads exceljs).
const readers = {
  report: async () => (await import("./read-report-bytes.ts")).readReportBytes,
  spreadsheet: async () => (await import("./spreadsheet/read-spreadsheet-bytes.ts")).readSpreadsheetBytes,
};

/**
 * One file: says on `started` when reading begins (the pool's time limit counts from
 * there, not from the wait in the queue), then returns the reading of the task's kind
 * (a report, or a spreadsheet of units or accounts).
 */
export default async function readTask({ kind = "report", bytes, fileName, started }) {
  const read = await readers[kind]();
  started.postMessage("started");
  started.close();
  return read(bytes, fileName);
}
