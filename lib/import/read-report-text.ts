/**
 * Plain-text reports, as sites' “download as text” and copy-paste give
 * them: one paragraph per line, table cells separated by tabs (seeds 000,
 * 001, 004) or one cell per line (seeds 002, 003). Universal.
 */
import { importMessages } from "./import-messages";
import { isTextLike } from "./is-text-like";
import { MAX_INPUT_BYTES } from "./limits";
import { emptyReadResult, readReportLines } from "./read-report-lines";
import type { ReadResult, SourceLine } from "./types";

/** Lines of tab-separated cells; CRLF, CR and form feeds (page breaks) end lines too. */
export function textToLines(text: string): SourceLine[] {
  return text.split(/\r\n|[\r\n\f\u2028\u2029]/).map((line) => ({ cells: line.split("\t") }));
}

export function readReportText(text: string): ReadResult {
  if (text.length > MAX_INPUT_BYTES) {
    return emptyReadResult("text", "refused", [
      {
        code: "input.tooLarge",
        severity: "error",
        place: "file",
        message: importMessages.tooLarge(text.length, MAX_INPUT_BYTES),
      },
    ]);
  }
  if (text.trim().length === 0) {
    return emptyReadResult("text", "notReport", [
      { code: "input.empty", severity: "error", place: "file", message: importMessages.empty() },
    ]);
  }
  if (!isTextLike(text)) {
    return emptyReadResult("text", "refused", [
      { code: "input.binary", severity: "error", place: "file", message: importMessages.binary() },
    ]);
  }
  return readReportLines(textToLines(text.replace(/^\ufeff/, "")), "text");
}
