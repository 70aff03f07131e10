/**
 * Line-break opportunities for Chinese text in react-pdf, used as its
 * hyphenation callback (Font.registerHyphenationCallback).
 *
 * react-pdf breaks lines only at spaces and at the "syllables" a hyphenation
 * callback returns; Chinese has no spaces, so without help a paragraph is one
 * unbreakable word. The common workaround (return every character) makes
 * every boundary a hyphenation point, and textkit then draws a hyphen at each
 * line end. Here units are separated by empty strings instead: textkit turns
 * an empty syllable into zero-width glue, which is a break opportunity that
 * adds no glyph (no hyphen, no empty box).
 *
 * Units follow 避头尾 (GB/T 15834 and common Chinese typesetting practice):
 * closing punctuation (。，、；：？！）」』”’》 …) never starts a line, so it is
 * glued to the unit before it; opening punctuation (（「『“‘《 …) never ends a
 * line, so it is glued to the unit after it. Latin words and numbers
 * (2023, 3.5%, GB/T) stay whole unless longer than {@link MAX_UNIT_LENGTH}
 * graphemes, which are then broken anywhere (like CSS overflow-wrap:
 * anywhere) rather than overflowing the column.
 *
 * Universal and pure.
 */

/** Must not start a line: glued to the preceding unit. */
import { graphemes } from "./graphemes";
const NO_LINE_START = new Set(
  Array.from(
    "、。，．,.：:；;？?！!）)］]｝}〕〉》」』】〙〗〟’”｠»" +
      "…‥—–～%％‰℃°·・々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ" +
      // No-break spaces (the PDF's spaces, see to-printable-text.ts) hang at a line end.
      "\u00A0",
  ),
);

/** Must not end a line: glued to the following unit. */
const NO_LINE_END = new Set(Array.from("（(［[｛{〔〈《「『【〘〖〝‘“｟«"));

/** Longer runs of Latin letters/digits, or of glued punctuation, may break anywhere. */
export const MAX_UNIT_LENGTH = 16;

/**
 * Graphemes that join into one unbreakable "word": Latin/Greek/Cyrillic
 * letters, digits (including full-width) and ASCII symbols and punctuation,
 * so 3.5%, GB/T and (2023) stay whole. A run of one ASCII bracket or comma
 * next to Chinese text still obeys the 避头尾 sets below.
 */
const WORD_CHARACTER = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}\p{Mn}!-/:-@[-`{-~]+$/u;

function isWordGrapheme(g: string): boolean {
  return WORD_CHARACTER.test(g);
}

/** First code point of a string as a string ('' for ''). */
function firstChar(s: string): string {
  return String.fromCodePoint(s.codePointAt(0) ?? 0);
}

function lastChar(s: string): string {
  const chars = Array.from(s);
  return chars[chars.length - 1] ?? "";
}

/** Atoms: whole Latin words / numbers, or single graphemes. */
function toAtoms(word: string): string[][] {
  const atoms: string[][] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    if (run.length > MAX_UNIT_LENGTH) for (const g of run) atoms.push([g]);
    else atoms.push(run);
    run = [];
  };
  for (const g of graphemes(word)) {
    if (isWordGrapheme(g)) {
      run.push(g);
    } else {
      flush();
      atoms.push([g]);
    }
  }
  flush();
  return atoms;
}

/**
 * Units of `word` between which a line may break. Joining them gives back
 * `word` exactly (textkit relies on it).
 */
export function splitLineUnits(word: string): string[] {
  if (word.length === 0) return [];
  const units: string[][] = [];
  let openers: string[] = [];
  for (const atom of toAtoms(word)) {
    const text = atom.join("");
    const previous = units[units.length - 1];
    if (NO_LINE_START.has(firstChar(text)) && previous && openers.length === 0) {
      previous.push(...atom);
    } else {
      units.push([...openers, ...atom]);
      openers = [];
    }
    const current = units[units.length - 1];
    if (current && NO_LINE_END.has(lastChar(text))) {
      // Hold the opener so it starts the next unit instead of ending this line.
      units.pop();
      openers = current;
    }
  }
  if (openers.length > 0) units.push(openers);
  // A unit grown too long through gluing (a row of 。。。。) may break anywhere again.
  return units.flatMap((u) => (u.length > MAX_UNIT_LENGTH ? u : [u.join("")]));
}

/**
 * The hyphenation callback: units separated by '' (zero-width glue, see
 * above), and one more '' at the end. textkit calls the callback once per
 * word of each *run*, and splits runs where the script changes (Han → Latin)
 * and after leading punctuation or digits; two runs' syllables meet without
 * glue, which textkit would treat as a hyphenation point and mark with a
 * hyphen if it broke there. The trailing '' makes every run boundary a plain
 * break opportunity instead. Whitespace-only words are returned as they are:
 * textkit treats them as ordinary spaces.
 */
export function splitCjkLineUnits(word: string): string[] {
  if (word.trim() === "") return [word];
  const out: string[] = [];
  for (const unit of splitLineUnits(word)) out.push(unit, "");
  return out;
}
