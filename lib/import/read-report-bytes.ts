/**
 * Bytes of an uploaded or stored file → a reading, with the reader chosen
 * by the file's name and confirmed by its first bytes (a .txt that is
 * really a .docx, an .htm saved as .txt). Server-only: may call the .docx
 * reader.
 */
import { decodeText } from "./decode-text";
import { importMessages } from "./import-messages";
import { MAX_DOCX_BYTES, MAX_INPUT_BYTES } from "./limits";
import { readReportDocx } from "./read-report-docx";
import { readReportHtml } from "./read-report-html";
import { refusedReading } from "./read-report-lines";
import { readReportText } from "./read-report-text";
import type { ReadResult, ReportSource } from "./types";

export const READABLE_EXTENSIONS = [".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".docx"] as const;

const HTML_EXTENSIONS = new Set([".html", ".htm", ".shtml", ".xhtml"]);
const TEXT_EXTENSIONS = new Set([".txt", ".text", ""]);

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<table[\s>]|<p[\s>]|<div[\s>])/i.test(
    text.slice(0, 2048),
  );
}

/** The reader a file name asks for, or undefined when no reader takes it. */
export function sourceForName(fileName: string): ReportSource | undefined {
  const extension = extensionOf(fileName);
  if (extension === ".docx") return "docx";
  if (HTML_EXTENSIONS.has(extension)) return "html";
  if (TEXT_EXTENSIONS.has(extension)) return "text";
  return undefined;
}

export async function readReportBytes(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const named = sourceForName(fileName);
  if (!named) {
    return refusedReading("input.unsupported", importMessages.unsupported(extensionOf(fileName)));
  }
  if (named === "docx" || isZip(bytes)) return readReportDocx(bytes);
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    return refusedReading("input.tooLarge", importMessages.tooLarge(bytes.byteLength, MAX_INPUT_BYTES), named);
  }
  const text = decodeText(bytes);
  return named === "html" || looksLikeHtml(text) ? readReportHtml(text) : readReportText(text);
}

/** The largest file any reader accepts; callers can refuse bigger uploads before reading them. */
export const MAX_FILE_BYTES = Math.max(MAX_DOCX_BYTES, MAX_INPUT_BYTES);
