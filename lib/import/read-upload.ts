/**
 * An uploaded report file → a reading, refusing what the app does not take before reading
 * a byte of it: a name outside UPLOAD_EXTENSIONS, a file over MAX_UPLOAD_FILE_BYTES. What
 * passes is read by readReportBytes in the reading pool (read-in-worker.ts: time and
 * memory limits, off the request thread), whose guards (binary sniffing, HTML structure,
 * zip-bomb checks on .docx) still apply. Server-only: worker threads. Throws
 * ReadersBusyError when the pool has no room.
 */
import { importMessages } from "./import-messages";
import { readReportBytesInWorker } from "./read-in-worker";
import { refusedReading } from "./read-report-lines";
import { extensionOf } from "./source-for-name";
import type { ReadResult } from "./types";
import { MAX_UPLOAD_FILE_BYTES, UPLOAD_EXTENSIONS } from "./upload-limits";

export async function readUpload(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  const extension = extensionOf(fileName);
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) {
    return refusedReading("input.unsupported", importMessages.unsupported(extension));
  }
  if (bytes.byteLength > MAX_UPLOAD_FILE_BYTES) {
    return refusedReading("input.tooLarge", importMessages.tooLarge(bytes.byteLength, MAX_UPLOAD_FILE_BYTES));
  }
  if (bytes.byteLength === 0) return refusedReading("input.empty", importMessages.empty());
  return readReportBytesInWorker(bytes, fileName);
}
