/**
 * A report file on disk → a reading. The size is checked before the file
 * is loaded, so a huge file is refused without being read into memory.
 * `readReportFile` reads it in this thread (the project's own files: the
 * demo seeds, scripts); `readReportFileInWorker` in the reading pool
 * (read-in-worker.ts), with the time and memory limits of uploads, for
 * files anyone may name (`npm run check`). Server-only: node:fs.
 */
import { readFile, stat } from "node:fs/promises";
import { importMessages } from "./import-messages";
import { readReportBytesInWorker } from "./read-in-worker";
import { MAX_FILE_BYTES } from "./limits";
import { readReportBytes } from "./read-report-bytes";
import { refusedReading } from "./read-report-lines";
import { sourceForName } from "./source-for-name";
import type { ReadResult } from "./types";

/** The file's bytes, or the refusal when it is missing, unreadable or too large. */
async function loadReportFile(path: string): Promise<Uint8Array | ReadResult> {
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
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    return refusedReading("input.unreadable", importMessages.unreadable(path));
  }
}

export async function readReportFile(path: string): Promise<ReadResult> {
  const loaded = await loadReportFile(path);
  return loaded instanceof Uint8Array ? readReportBytes(loaded, path) : loaded;
}

export async function readReportFileInWorker(path: string): Promise<ReadResult> {
  const loaded = await loadReportFile(path);
  return loaded instanceof Uint8Array ? readReportBytesInWorker(loaded, path) : loaded;
}
