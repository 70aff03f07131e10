/**
 * Comparable form of a printed label. Published reports write the same
 * label many ways: half- or full-width brackets, “1.” or “1、”, spaces
 * inside words (“结果 维持”), labels broken over lines, quotes or not. The
 * key drops all of that, so a label compares equal to the layout's wording.
 * Universal: the importer (lib/import) and the wizard's labelled paste
 * (lib/report-form/paste.ts) match labels with these same functions.
 */

/** Leading numbering: 一、 （一） (1) 1. 1、 1．(after NFKC: ( ) . ,). */
const LEADING_NUMBER = /^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十\d]+\)|\d+[、.,)])/u;
const NOISE = /[\p{P}\p{S}\p{Z}\s\p{Cc}\p{Cf}]/gu;

/** NFKC (full-width digits, letters and brackets to ASCII) and no whitespace. */
export function normalizeWidth(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "");
}

export function labelKey(text: string): string {
  let rest = normalizeWidth(text);
  // Numbering can be stacked (“三、(一)”); strip it all.
  for (let i = 0; i < 3; i++) {
    const next = rest.replace(LEADING_NUMBER, "");
    if (next === rest) break;
    rest = next;
  }
  return rest.replace(NOISE, "");
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Typos allowed for a label of this length: none below 4 characters (其他, 总计 must be exact). */
function allowedTypos(length: number): number {
  return length < 4 ? 0 : Math.max(1, Math.floor(length / 8));
}

/**
 * Cheap pre-check before the edit distance: at most `typos` characters of
 * `printed` may be missing from `expected`. Keeps hostile inputs (a table
 * region of 100 000 random words) linear instead of quadratic.
 */
function sharesCharacters(printed: string, expected: string, typos: number): boolean {
  let missing = 0;
  for (const ch of printed) {
    if (!expected.includes(ch) && ++missing > typos) return false;
  }
  return true;
}

export type LabelMatch = "exact" | "close" | "none";

/**
 * How a printed label (as a key) relates to a layout label (as a key).
 * `close`: a typo or two (本年度止件数 for 本年废止件数), or the label's
 * opening words without its parenthetical note (部分公开 for
 * 部分公开（区分处理的……）).
 */
export function matchLabel(printed: string, expected: string): LabelMatch {
  if (printed.length === 0 || expected.length === 0) return "none";
  if (printed === expected) return "exact";
  const typos = allowedTypos(expected.length);
  if (typos > 0 && Math.abs(printed.length - expected.length) <= typos && sharesCharacters(printed, expected, typos)) {
    if (editDistance(printed, expected, typos) <= typos) return "close";
  }
  if (printed.length >= 4 && expected.startsWith(printed)) return "close";
  return "none";
}

const NUMERALS = "一二三四五六七八九十";

/** 一 → 1 … 十 → 10; Arabic digits as such; undefined for anything else. */
export function numberValue(text: string): number | undefined {
  const digits = normalizeWidth(text);
  if (/^\d+$/.test(digits)) return Number(digits);
  const index = NUMERALS.indexOf(digits);
  return digits.length === 1 && index >= 0 ? index + 1 : undefined;
}

/** Share of `expected`'s character pairs found in `printed` (0–1); single characters for 1-character keys. */
export function bigramRecall(printed: string, expected: string): number {
  if (expected.length === 0) return 0;
  if (expected.length === 1) return printed.includes(expected) ? 1 : 0;
  let found = 0;
  for (let i = 0; i < expected.length - 1; i++) if (printed.includes(expected.slice(i, i + 2))) found++;
  return found / (expected.length - 1);
}
