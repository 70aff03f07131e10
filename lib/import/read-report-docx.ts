/**
 * .docx reports: the parts mammoth reads are unzipped with caps (extract-docx-parts.ts),
 * packed again uncompressed, converted to HTML by mammoth (tables stay tables), then read
 * like an HTML page. Mammoth thus never inflates anything itself: it gets only parts whose
 * size was counted. Images are dropped unread, external files are never fetched.
 * Server-only (yauzl streams through node:zlib), so it is exported from
 * lib/import/server.ts, not from the universal index.
 */
import { zipSync } from "fflate";
import mammoth from "mammoth";
import { extractDocxParts } from "./extract-docx-parts";
import { importMessages } from "./import-messages";
import { MAX_DOCX_BYTES, MAX_DOCX_XML_BYTES } from "./limits";
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
  const extracted = await extractDocxParts(bytes);
  if (!extracted.ok) {
    switch (extracted.reason) {
      case "tooLarge":
        return refusedReading("archive.tooLarge", importMessages.archiveTooLarge(MAX_DOCX_XML_BYTES), "docx");
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
    // Level 0: stored entries, so what JSZip reads back is exactly the bytes counted above.
    const archive = zipSync({ ...extracted.parts }, { level: 0 });
    const converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength) },
      { convertImage: dropImage, externalFileAccess: false },
    );
    html = converted.value;
  } catch {
    return refusedReading("input.damaged", importMessages.damaged(), "docx");
  }
  return readReportHtml(html, "docx");
}
