/**
 * Bytes of an uploaded or stored file → a reading, with the reader chosen
 * by the file's name and confirmed by its first bytes (a .txt that is
 * really a .docx, an .htm saved as .txt). Server-only: may call the .docx
 * reader.
 */
import { decodeText } from "./decode-text";
import { importMessages } from "./import-messages";
import { MAX_INPUT_BYTES } from "./limits";
import { readReportDocx } from "./read-report-docx";
import { readReportHtml } from "./read-report-html";
import { loadPdfReader, looksLikePdf, readReportPdf } from "./read-report-pdf";
import { refusedReading } from "./read-report-lines";
import { readReportText } from "./read-report-text";
import { extensionOf, sourceForName } from "./source-for-name";
import type { ReadResult } from "./types";

export { READABLE_EXTENSIONS, extensionOf, sourceForName } from "./source-for-name";

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<table[\s>]|<p[\s>]|<div[\s>])/i.test(
    text.slice(0, 2048),
  );
}

export async function readReportBytes(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const named = sourceForName(fileName);
  if (!named) {
    return refusedReading("input.unsupported", importMessages.unsupported(extensionOf(fileName)));
  }
  if (named === "docx" || isZip(bytes)) return readReportDocx(bytes);
  // By content too: a PDF saved as .txt is still a PDF (and never text to decode).
  if (named === "pdf" || looksLikePdf(bytes)) return readReportPdf(bytes);
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    return refusedReading("input.tooLarge", importMessages.tooLarge(bytes.byteLength, MAX_INPUT_BYTES), named);
  }
  const text = decodeText(bytes);
  return named === "html" || looksLikeHtml(text) ? readReportHtml(text) : readReportText(text);
}

/**
 * Loads what reading these bytes needs beyond this module (pdf.js for a PDF), so the reading
 * pool can start a file's time limit after its code is loaded, as it does for the readers.
 */
export async function prepareReader(bytes: Uint8Array, fileName: string): Promise<void> {
  if (sourceForName(fileName) === "pdf" || looksLikePdf(bytes)) await loadPdfReader();
}

export { MAX_FILE_BYTES } from "./limits";
