/**
 * A report file on disk → a reading (the command line, scripts). The size
 * is checked before the file is loaded, so a huge file is refused without
 * being read into memory. Server-only: node:fs.
 */
import { readFile, stat } from "node:fs/promises";
import { importMessages } from "./import-messages";
import { MAX_FILE_BYTES, readReportBytes, sourceForName } from "./read-report-bytes";
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
  return readReportBytes(bytes, path);
}
