// A thread of the reading pool (read-in-worker.ts). It loads the readers' TypeScript
// sources through tsx, as `npm start` and `npm run check` load theirs, so the very same
// lib/import code runs here under `next start` (whose bundle does not contain the
// readers), under vitest and on the command line.
import { register } from "tsx/esm/api";

register();
const { readReportBytes } = await import("./read-report-bytes.ts");

/**
 * One file: says on `started` when reading begins (the pool's time limit counts from
 * there, not from the wait in the queue), then returns the reading.
 */
export default async function readReportBytesTask({ bytes, fileName, started }) {
  started.postMessage("started");
  started.close();
  return readReportBytes(bytes, fileName);
}
