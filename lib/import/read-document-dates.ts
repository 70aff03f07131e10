/**
 * The dates a published report states about itself:
 *
 * - its 成文日期: the page's “成文日期：2024-01-26” (government sites print it above the
 *   article), else the dated signature at the end of the text (朝阳镇人民政府办公室 /
 *   2024年1月17日), which is taken out of the narrative so it is not printed twice;
 * - its 发布日期: the page's “发布日期：…” or the stamp above the article
 *   (“2024-01-26 10时25分 浏览次数:”), when the file is a copy of the web page.
 *
 * Only real dates count; anything else is left alone and the date stays unknown.
 * Universal and pure.
 */
import { isRealIsoDate } from "../report-data";
import type { SourceLine } from "./types";

const DATE = String.raw`(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?`;
const DOCUMENT_DATE = new RegExp(String.raw`成文(?:日期|时间)\s*[:：]\s*${DATE}`);
const PUBLICATION_DATE = new RegExp(String.raw`发布(?:日期|时间)\s*[:：]\s*${DATE}`);
/** The page's stamp: a date and a time at the start of a short line (2024-01-26 10时25分, 2024-01-26 10:25). */
const PAGE_STAMP = new RegExp(String.raw`^\s*${DATE}\s+\d{1,2}\s*(?:时|:|：)\s*\d{1,2}`);
/** A signature date alone on its line: 2024年1月17日. */
const SIGNATURE_DATE = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;
/** A body's name as signed: short, no sentence punctuation, ending like a body's name. */
const SIGNATURE_NAME =
  /^[\p{Script=Han}（）()]{2,40}(?:政府|办公室|办事处|委员会|管委会|局|委|办|中心|乡|镇|街道|公所|厅|处|院|所)$/u;
const MAX_META_LINE = 200;

function isoDate(year: string, month: string, day: string): string | null {
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isRealIsoDate(iso) ? iso : null;
}

function firstMatch(lines: readonly string[], pattern: RegExp): string | null {
  for (const line of lines) {
    if (line.length > MAX_META_LINE) continue;
    const match = pattern.exec(line);
    if (match) {
      const date = isoDate(match[1]!, match[2]!, match[3]!);
      if (date) return date;
    }
  }
  return null;
}

/** The dates the page prints around the article (they are removed with the page's furniture). */
export function readPageDates(source: readonly SourceLine[]): {
  documentDate: string | null;
  publicationDate: string | null;
} {
  const lines = source.map((line) => line.cells.join(" "));
  return {
    documentDate: firstMatch(lines, DOCUMENT_DATE),
    publicationDate: firstMatch(lines, PUBLICATION_DATE) ?? firstMatch(lines, PAGE_STAMP),
  };
}

/**
 * A dated signature ending a text: the date (and the name above it, when there is one)
 * taken out of the text. The text is returned unchanged when it does not end so.
 */
export function takeSignature(text: string): { text: string; date: string | null } {
  const lines = text.split("\n");
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === "") end -= 1;
  const match = SIGNATURE_DATE.exec(lines[end - 1] ?? "");
  if (!match) return { text, date: null };
  const date = isoDate(match[1]!, match[2]!, match[3]!);
  if (!date) return { text, date: null };
  let start = end - 1;
  if (start > 0 && SIGNATURE_NAME.test(lines[start - 1]!.trim())) start -= 1;
  return { text: lines.slice(0, start).join("\n").trimEnd(), date };
}
