/**
 * Plain-text reports, as sites' “download as text” and copy-paste give
 * them: one paragraph per line, table cells separated by tabs (seeds 000,
 * 001, 004), one cell per line (seeds 002, 003), or Markdown as document
 * converters write it (`## 一、总体情况`, `| 规章 | 0 | 0 | 0 |`: the corpus
 * entry shuyang-county-2025). Universal.
 */
import { importMessages } from "./import-messages";
import { isTextLike } from "./is-text-like";
import { MAX_INPUT_BYTES } from "./limits";
import { emptyReadResult, readReportLines } from "./read-report-lines";
import type { ReadResult, SourceLine } from "./types";

/** A Markdown heading's marker (`## `), which is not part of the heading's words. */
const MARKDOWN_HEADING = /^ {0,3}#{1,6}[ \t]+/;
/** A Markdown table's rule under its header (`|---|:--:|`): no cells. */
const MARKDOWN_RULE = /^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*$/;

/**
 * A line's cells: a Markdown table row (`| a |  | b |`) split at its bars, its empty cells
 * kept so a blank keeps its column; any other line split at its tabs.
 */
function lineCells(line: string): string[] {
  const trimmed = line.trim();
  if (MARKDOWN_RULE.test(trimmed) && trimmed.includes("|")) return [];
  if (trimmed.startsWith("|") && trimmed.length > 1) {
    return trimmed
      .replace(/^\|/, "")
      .replace(/\|$/, "")
      .split("|")
      .map((cell) => cell.trim());
  }
  return line.replace(MARKDOWN_HEADING, "").split("\t");
}

/** Lines of tab-separated cells; CRLF, CR and form feeds (page breaks) end lines too. */
export function textToLines(text: string): SourceLine[] {
  return text.split(/\r\n|[\r\n\f\u2028\u2029]/).map((line) => ({ cells: lineCells(line) }));
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
