/**
 * An uploaded report file → a reading, refusing what the app does not take before reading
 * a byte of it: a name outside UPLOAD_EXTENSIONS, a file over MAX_UPLOAD_FILE_BYTES. What
 * passes goes to readReportBytes, whose guards (binary sniffing, zip-bomb checks on .docx)
 * still apply. Server-only: may call the .docx reader.
 */
import { importMessages } from "./import-messages";
import { readReportBytes, extensionOf } from "./read-report-bytes";
import { refusedReading } from "./read-report-lines";
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
  return readReportBytes(bytes, fileName);
}
