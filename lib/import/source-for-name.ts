/**
 * Which reader a file's name asks for. Kept apart from read-report-bytes.ts so that the
 * request side (read-in-worker.ts) can label a refusal without loading the readers.
 */
import type { ReportSource } from "./types";

export const READABLE_EXTENSIONS = [".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf"] as const;

const HTML_EXTENSIONS = new Set([".html", ".htm", ".shtml", ".xhtml"]);
const TEXT_EXTENSIONS = new Set([".txt", ".text", ""]);

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** The reader a file name asks for, or undefined when no reader takes it. */
export function sourceForName(fileName: string): ReportSource | undefined {
  const extension = extensionOf(fileName);
  if (extension === ".docx") return "docx";
  if (extension === ".pdf") return "pdf";
  if (HTML_EXTENSIONS.has(extension)) return "html";
  if (TEXT_EXTENSIONS.has(extension)) return "text";
  return undefined;
}
