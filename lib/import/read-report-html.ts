/**
 * HTML reports: a page of a government site, or the HTML mammoth makes of
 * a .docx. Pages nested too deep or with too many elements are refused
 * before a DOM is built (check-html-structure.ts). Universal (runs in the
 * browser as well).
 */
import { checkHtmlStructure } from "./check-html-structure";
import { htmlToLines } from "./html-to-lines";
import { importMessages } from "./import-messages";
import { isTextLike } from "./is-text-like";
import { MAX_INPUT_BYTES } from "./limits";
import { emptyReadResult, readReportLines, refusedReading } from "./read-report-lines";
import type { ReadResult, ReportSource } from "./types";

export function readReportHtml(html: string, source: ReportSource = "html"): ReadResult {
  if (html.length > MAX_INPUT_BYTES) {
    return refusedReading("input.tooLarge", importMessages.tooLarge(html.length, MAX_INPUT_BYTES), source);
  }
  if (html.trim().length === 0) {
    return emptyReadResult(source, "notReport", [
      { code: "input.empty", severity: "error", place: "file", message: importMessages.empty() },
    ]);
  }
  if (!isTextLike(html)) {
    return refusedReading("input.binary", importMessages.binary(), source);
  }
  const structure = checkHtmlStructure(html);
  if (!structure.ok) {
    const message =
      structure.reason === "tooDeep"
        ? importMessages.tooDeep(structure.limit)
        : importMessages.tooManyElements(structure.limit);
    return refusedReading("input.tooComplex", message, source);
  }
  return readReportLines(htmlToLines(html), source);
}
