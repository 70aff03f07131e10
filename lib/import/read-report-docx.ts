/**
 * .docx reports: checked for size and zip bombs, converted to HTML by
 * mammoth (tables stay tables), then read like an HTML page. Images are
 * dropped unread, external files are never fetched. Server-only (node:zlib
 * in the archive check), so it is exported from lib/import/server.ts, not
 * from the universal index.
 */
import mammoth from "mammoth";
import { checkDocxArchive } from "./check-docx-archive";
import { importMessages } from "./import-messages";
import { MAX_DOCX_BYTES, MAX_DOCX_UNZIPPED_BYTES } from "./limits";
import { readReportHtml } from "./read-report-html";
import { emptyReadResult, refusedReading } from "./read-report-lines";
import type { ReadResult } from "./types";

/** Reading an image would cost memory for nothing: the report is in the text and tables. */
const dropImage = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

export async function readReportDocx(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength === 0) {
    return emptyReadResult("docx", "notReport", [
      { code: "input.empty", severity: "error", place: "file", message: importMessages.empty() },
    ]);
  }
  if (bytes.byteLength > MAX_DOCX_BYTES)
    return refusedReading("input.tooLarge", importMessages.tooLarge(bytes.byteLength, MAX_DOCX_BYTES), "docx");
  const archive = checkDocxArchive(bytes);
  if (!archive.ok) {
    switch (archive.reason) {
      case "tooLarge":
        return refusedReading("archive.tooLarge", importMessages.archiveTooLarge(MAX_DOCX_UNZIPPED_BYTES), "docx");
      case "unsafe":
        return refusedReading("archive.unsafe", importMessages.archiveUnsafe(), "docx");
      case "notDocx":
        return refusedReading("input.damaged", importMessages.archiveMissingDocument(), "docx");
      case "damaged":
        return refusedReading("input.damaged", importMessages.damaged(), "docx");
    }
  }
  let html: string;
  try {
    const converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: dropImage, externalFileAccess: false },
    );
    html = converted.value;
  } catch {
    return refusedReading("input.damaged", importMessages.damaged(), "docx");
  }
  return readReportHtml(html, "docx");
}
