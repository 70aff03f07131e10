/**
 * Line-break opportunities for Chinese text: the units between which a
 * line may break (lib/render/pdf/break-lines.ts sets lines from them).
 *
 * Units follow 避头尾 (GB/T 15834 and common Chinese typesetting practice):
 * closing punctuation (。，、；：？！）」』”’》 …) never starts a line, so it is
 * glued to the unit before it; opening punctuation (（「『“‘《 …) never ends a
 * line, so it is glued to the unit after it. Latin words and numbers
 * (2023, 3.5%, GB/T) stay whole unless longer than {@link MAX_UNIT_LENGTH}
 * graphemes; such a run (a web address, a long number) is broken where a
 * reader expects it — after // and :, before / . , - _ ? # % ~, before and
 * after = and & (the Chicago Manual's rule for URLs) — and a piece still too
 * long is broken anywhere rather than overflowing the column.
 *
 * Universal and pure.
 */
import { graphemes } from "./graphemes";

/** Must not start a line: glued to the preceding unit. */
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

/** Characters a long run breaks before (a web address: /path, .cn, ?query). */
const BREAK_BEFORE = new Set(Array.from("/.,-_?#%~"));
/** Characters a long run breaks before and after. */
const BREAK_AROUND = new Set(Array.from("=&"));

/**
 * A run longer than MAX_UNIT_LENGTH in pieces at the places a reader expects
 * a web address or a long number to break; pieces still too long break
 * anywhere.
 */
function splitLongRun(run: readonly string[]): string[][] {
  const pieces: string[][] = [];
  let piece: string[] = [];
  const cut = (): void => {
    if (piece.length > 0) pieces.push(piece);
    piece = [];
  };
  run.forEach((g, i) => {
    const previous = run[i - 1] ?? "";
    const isAfterScheme = previous === "/" && run[i - 2] === "/";
    if (
      i > 0 &&
      (isAfterScheme || previous === ":" || BREAK_AROUND.has(previous) || BREAK_AROUND.has(g) || BREAK_BEFORE.has(g)) &&
      !(g === "/" && previous === "/") &&
      !(g === "/" && previous === ":")
    )
      cut();
    piece.push(g);
  });
  cut();
  return pieces.flatMap((p) => (p.length > MAX_UNIT_LENGTH ? p.map((g) => [g]) : [p]));
}

interface Atom {
  readonly graphemes: readonly string[];
  /** A later piece of a broken long run: breakable before it even though it starts with "." or "?". */
  readonly isRunPiece: boolean;
}

/** Atoms: whole Latin words / numbers (long runs in pieces), or single graphemes. */
function toAtoms(word: string): Atom[] {
  const atoms: Atom[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    if (run.length > MAX_UNIT_LENGTH)
      splitLongRun(run).forEach((piece, i) => atoms.push({ graphemes: piece, isRunPiece: i > 0 }));
    else atoms.push({ graphemes: run, isRunPiece: false });
    run = [];
  };
  for (const g of graphemes(word)) {
    if (isWordGrapheme(g)) {
      run.push(g);
    } else {
      flush();
      atoms.push({ graphemes: [g], isRunPiece: false });
    }
  }
  flush();
  return atoms;
}

/**
 * Units of `word` between which a line may break. Joining them gives back
 * `word` exactly.
 */
export function splitLineUnits(word: string): string[] {
  return splitLineUnitGraphemes(word).map((unit) => unit.join(""));
}

/** {@link splitLineUnits}, each unit as its graphemes. */
export function splitLineUnitGraphemes(word: string): string[][] {
  if (word.length === 0) return [];
  const units: string[][] = [];
  let openers: string[] = [];
  for (const { graphemes: atom, isRunPiece } of toAtoms(word)) {
    const text = atom.join("");
    const previous = units[units.length - 1];
    if (!isRunPiece && NO_LINE_START.has(firstChar(text)) && previous && openers.length === 0) {
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
  return units.flatMap((u) => (u.length > MAX_UNIT_LENGTH ? u.map((g) => [g]) : [u]));
}
