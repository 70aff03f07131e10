/**
 * A report file on disk → a reading (the command line, scripts). The size
 * is checked before the file is loaded, so a huge file is refused without
 * being read into memory; the bytes are read in the reading pool
 * (read-in-worker.ts), with the same time and memory limits as uploads.
 * Server-only: node:fs, worker threads.
 */
import { readFile, stat } from "node:fs/promises";
import { importMessages } from "./import-messages";
import { readReportBytesInWorker } from "./read-in-worker";
import { MAX_FILE_BYTES } from "./limits";
import { sourceForName } from "./source-for-name";
import { refusedReading } from "./read-report-lines";
import type { ReadResult } from "./types";

export async function readReportFile(path: string): Promise<ReadResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return refusedReading("input.unreadable", importMessages.unreadable(path));
    size = info.size;
  } catch (error) {
    const code = error instanceof Error && "code" in error ? error.code : undefined;
    return code === "ENOENT"
      ? refusedReading("input.missing", importMessages.missing(path))
      : refusedReading("input.unreadable", importMessages.unreadable(path));
  }
  if (size > MAX_FILE_BYTES && sourceForName(path) !== undefined) {
    return refusedReading("input.tooLarge", importMessages.tooLarge(size, MAX_FILE_BYTES));
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    return refusedReading("input.unreadable", importMessages.unreadable(path));
  }
  return readReportBytesInWorker(bytes, path);
}
