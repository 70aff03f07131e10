/**
 * Markup and impossible dates left in report text. Text pasted from a web page, a chat or a
 * Markdown editor brings `**加强组织领导**` or `&nbsp;` with it (seed 000); a typed
 * date can run the month into the year (“20231月1日”, seed 002) or name a day that does not
 * exist (2023年2月30日). A printed report would show them as they are, so the engine reports
 * each one for the clerk (or, for an imported report, the reviewer) to fix.
 */
import { decodeHTMLStrict } from "entities";
import { memoizeText } from "./memo";
import { resolvePeriodDate, type PeriodToken } from "./period-text";

// Angle-bracket tags are not in the list: every renderer prints text escaped, so a `<b>` shows
// as typed and is the author's to see; the references and the emphasis markers are what a
// web page or an editor leaves behind unseen.
export type MarkupKind = "emphasis" | "entity";

export interface TextFragment {
  readonly raw: string;
  readonly index: number;
}

// Emphasis as Markdown writes it: ** or __ around non-blank text on one line, at most a
// sentence long. As in CommonMark, __ inside a word (a program's name, window.__x) is not
// emphasis: the pair must not touch a letter or digit on its outer sides.
const emphasis =
  /\*\*(?=\S)[^\n*]{1,200}?(?<=\S)\*\*|(?<![A-Za-z0-9_])__(?=\S)[^\n_]{1,200}?(?<=\S)__(?![A-Za-z0-9_])/g;
const entity = /&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});/g;

const patterns: readonly (readonly [MarkupKind, RegExp])[] = [
  ["emphasis", emphasis],
  ["entity", entity],
];

function fragments(text: string, pattern: RegExp): TextFragment[] {
  return [...text.matchAll(pattern)].map((match) => ({ raw: match[0], index: match.index }));
}

/** The markup in a text, by kind, in order of appearance; kinds with none are left out. */
export const markupIn = memoizeText((text: string): ReadonlyMap<MarkupKind, readonly TextFragment[]> => {
  const found = new Map<MarkupKind, readonly TextFragment[]>();
  for (const [kind, pattern] of patterns) {
    const each = fragments(text, pattern);
    if (each.length > 0) found.set(kind, each);
  }
  return found;
});

export interface ImpossibleDate extends TextFragment {
  /** The wording meant, when the slip is unambiguous (“20231月1日” → “2023年1月1日”). */
  readonly suggestion?: string;
}

// A written day: 2023年1月1日, 1月1日, with optional blanks between the parts.
const writtenDay = /(?:(\d+)\s*年\s*)?(\d+)\s*月\s*(\d+)\s*日/g;

/**
 * The written days of a text that are not real days. A day written without its year takes
 * `year` (the report's); a year-less day that follows a year in the same text is checked
 * against that year instead, as “2023年1月1日至12月31日” means.
 */
export function impossibleDatesIn(text: string, year: number): ImpossibleDate[] {
  const out: ImpossibleDate[] = [];
  let lastYear: number | undefined;
  for (const match of text.matchAll(writtenDay)) {
    const [raw, yearDigits, monthDigits = "", dayDigits = ""] = match;
    const token: PeriodToken = {
      raw,
      year: yearDigits === undefined ? lastYear : Number(yearDigits),
      monthDigits,
      day: Number(dayDigits),
    };
    if (yearDigits !== undefined) lastYear = Number(yearDigits);
    const date = resolvePeriodDate(token, year);
    if (!date.ok) out.push({ raw, index: match.index, ...(date.suggestion ? { suggestion: date.suggestion } : {}) });
  }
  return out;
}

/** One change that makes a text print as it reads: `raw` becomes `replacement`. */
export interface PrintCorrection {
  readonly raw: string;
  readonly replacement: string;
}

function correctAll<F extends TextFragment>(
  text: string,
  found: readonly F[],
  replacementOf: (fragment: F) => string | undefined,
  corrections: PrintCorrection[],
): string {
  let printed = "";
  let end = 0;
  for (const fragment of found) {
    const replacement = replacementOf(fragment);
    if (replacement === undefined) continue;
    printed += text.slice(end, fragment.index) + replacement;
    end = fragment.index + fragment.raw.length;
    corrections.push({ raw: fragment.raw, replacement });
  }
  return printed + text.slice(end);
}

/**
 * The text as it should print: emphasis markers dropped around their words, character
 * references decoded (`&nbsp;` is a space, `&amp;` an ampersand), impossible days replaced
 * by the day meant where that is unambiguous (“20231月1日” → “2023年1月1日”), in that
 * order (a reference inside an emphasis pair is decoded too). `unresolved` are the impossible
 * days with no such reading: only the author can say what was meant. `year` is the
 * report's, as for impossibleDatesIn.
 */
export function printableText(
  text: string,
  year: number,
): { text: string; corrections: PrintCorrection[]; unresolved: ImpossibleDate[] } {
  const corrections: PrintCorrection[] = [];
  const unemphasized = correctAll(text, fragments(text, emphasis), ({ raw }) => raw.slice(2, -2), corrections);
  const decoded = correctAll(
    unemphasized,
    fragments(unemphasized, entity),
    ({ raw }) => decodeHTMLStrict(raw),
    corrections,
  );
  const dates = impossibleDatesIn(decoded, year);
  const printed = correctAll(decoded, dates, (date) => date.suggestion, corrections);
  return { text: printed, corrections, unresolved: dates.filter((date) => !date.suggestion) };
}
