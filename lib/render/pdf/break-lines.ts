/**
 * Sets a paragraph into lines of a given width, the way a Chinese typesetter
 * would, with the real advance widths of the embedded fonts:
 *
 * - breaks only between the units of split-cjk-line-units.ts (避头尾 holds;
 *   Latin words and numbers stay whole; long web addresses break at their
 *   slashes and dots);
 * - first fit, line by line, with an optional first-line indent;
 * - a unit wider than a whole line is broken between graphemes;
 * - each grapheme is drawn in the first font of its face that has it (the
 *   office's licensed face, else the open stand-in), or as 〓 when none has
 *   it (to-printable-text.ts).
 *
 * Justification is left to the caller (see {@link justifiedSpacing}): every
 * line but the last of a paragraph is spread to the full width by equal
 * spacing after each CJK character and after each Latin word, never inside a
 * word, so nothing is spread letter by letter; the last line is set at its
 * natural width.
 *
 * Universal and pure: the fonts are reached through {@link PdfTextMeasure}.
 */
import type { PdfFace } from "./pdf-faces";
import { graphemes } from "./graphemes";
import { splitLineUnitGraphemes } from "./split-cjk-line-units";
import { toPrintableText } from "./to-printable-text";

export interface PdfTextMeasure {
  /** The registered font family that draws `codePoint` in `face`, or null when none of its fonts can. */
  familyFor(face: PdfFace, codePoint: number): string | null;
  /** Advance width, in points, of `text` set in `family` at `size` points. */
  measure(family: string, text: string, size: number): number;
  /** The family's ascent in em: react-pdf puts the baseline that far below a line's top. */
  ascent(family: string): number;
}

/** A stretch of a paragraph in one face (a run-in heading in 楷体, the rest in 仿宋). */
export interface StyledText {
  readonly text: string;
  readonly face: PdfFace;
}

/** A piece of a line drawn with one font and one letter spacing. */
export interface LinePiece {
  readonly text: string;
  readonly family: string;
  /** Natural advance width in points. */
  readonly width: number;
  /** A Latin word or number: justification space goes after it, never inside it. */
  readonly isWord: boolean;
  /** Graphemes in the piece (each CJK one takes justification space after it). */
  readonly graphemes: number;
}

export interface SetLine {
  readonly pieces: readonly LinePiece[];
  /** Natural width of the line's text, trailing spaces excluded. */
  readonly width: number;
  /** Space before the text (the first-line indent). */
  readonly indent: number;
  /** The last line of its paragraph: never spread. */
  readonly isLast: boolean;
  /** Places that take justification space: CJK graphemes and Latin words, less one. */
  readonly gaps: number;
}

export interface BreakOptions {
  /** Width of the column in points. */
  readonly width: number;
  /** Font size in points. */
  readonly size: number;
  readonly firstLineIndent?: number;
}

const WORD_GRAPHEME = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}\p{Mn}!-/:-@[-`{-~]+$/u;
/** A piece of a web address or a long number: may break between any two graphemes to fill a line. */
const ADDRESS_LIKE = /[/.:?=&#%_~]|^\d{6,}$/;
/** Space left at a line end beyond which an address-like unit is broken into it (in em). */
const MAX_GAP_BEFORE_ADDRESS = 1.5;
const NO_BREAK_SPACE = "\u00A0";

interface Unit {
  readonly pieces: readonly LinePiece[];
  readonly width: number;
}

function isWordGrapheme(g: string): boolean {
  return WORD_GRAPHEME.test(g);
}

/** Pieces of one unit: split where the font or the word/CJK nature changes. */
function toUnit(cells: readonly { g: string; family: string }[], measure: PdfTextMeasure, size: number): Unit {
  const pieces: LinePiece[] = [];
  let start = 0;
  for (let i = 1; i <= cells.length; i += 1) {
    const previous = cells[i - 1]!;
    const current = cells[i];
    if (current && current.family === previous.family && isWordGrapheme(current.g) === isWordGrapheme(previous.g))
      continue;
    const slice = cells.slice(start, i);
    const text = slice.map((c) => c.g).join("");
    pieces.push({
      text,
      family: previous.family,
      width: measure.measure(previous.family, text, size),
      isWord: isWordGrapheme(previous.g),
      graphemes: slice.length,
    });
    start = i;
  }
  return { pieces, width: pieces.reduce((sum, p) => sum + p.width, 0) };
}

/** Joins neighbouring pieces of the same font and kind into one (fewer drawing calls). */
function mergePieces(pieces: readonly LinePiece[]): LinePiece[] {
  const out: LinePiece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && !last.isWord && !piece.isWord && last.family === piece.family) {
      out[out.length - 1] = {
        ...last,
        text: last.text + piece.text,
        width: last.width + piece.width,
        graphemes: last.graphemes + piece.graphemes,
      };
    } else {
      out.push(piece);
    }
  }
  return out;
}

/** The line's pieces with trailing no-break spaces dropped (they hang past the margin). */
function trimEnd(pieces: readonly LinePiece[], measure: PdfTextMeasure, size: number): LinePiece[] {
  const out = [...pieces];
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.text.replace(/\u00A0+$/u, "");
    if (trimmed === last.text) break;
    out.pop();
    if (trimmed !== "") {
      out.push({
        ...last,
        text: trimmed,
        width: measure.measure(last.family, trimmed, size),
        graphemes: graphemes(trimmed).length,
      });
      break;
    }
  }
  return out;
}

function gapsOf(pieces: readonly LinePiece[]): number {
  let atoms = 0;
  for (const piece of pieces) atoms += piece.isWord ? 1 : piece.graphemes;
  return Math.max(0, atoms - 1);
}

/** The drawable graphemes of a styled text, each with the family that draws it. */
export function toFontCells(
  runs: readonly StyledText[],
  measure: PdfTextMeasure,
): { text: string; cells: { g: string; family: string }[] } {
  const cells: { g: string; family: string }[] = [];
  for (const run of runs) {
    const printable = toPrintableText(run.text, (cp) => measure.familyFor(run.face, cp) !== null).replace(
      /\n/g,
      NO_BREAK_SPACE,
    );
    for (const g of graphemes(printable)) {
      const family = measure.familyFor(run.face, g.codePointAt(0) ?? 0) ?? measure.familyFor("body", 0x3013)!;
      cells.push({ g, family });
    }
  }
  return { text: cells.map((c) => c.g).join(""), cells };
}

/** Lines of a paragraph; an empty text gives no line. */
export function breakLines(runs: readonly StyledText[], measure: PdfTextMeasure, options: BreakOptions): SetLine[] {
  const { text, cells } = toFontCells(runs, measure);
  if (text === "") return [];
  const units: Unit[] = [];
  let at = 0;
  for (const unitGraphemes of splitLineUnitGraphemes(text)) {
    const count = unitGraphemes.length;
    units.push(toUnit(cells.slice(at, at + count), measure, options.size));
    at += count;
  }

  const lines: { pieces: LinePiece[]; indent: number }[] = [];
  let pieces: LinePiece[] = [];
  let used = 0;
  const indent = (): number => (lines.length === 0 ? (options.firstLineIndent ?? 0) : 0);
  const available = (): number => options.width - indent();
  const endLine = (): void => {
    lines.push({ pieces, indent: indent() });
    pieces = [];
    used = 0;
  };
  // A hair of tolerance: a line of exactly 28 characters must stay one line.
  const fits = (width: number): boolean => used + width <= available() + 0.01;

  for (const unit of units) {
    if (fits(unit.width) || fits(trimEnd(unit.pieces, measure, options.size).reduce((s, p) => s + p.width, 0))) {
      pieces.push(...unit.pieces);
      used += unit.width;
      continue;
    }
    const isAddressLike = unit.pieces.every((p) => p.isWord) && unit.pieces.some((p) => ADDRESS_LIKE.test(p.text));
    if (pieces.length > 0 && !(isAddressLike && available() - used > MAX_GAP_BEFORE_ADDRESS * options.size)) endLine();
    if (fits(unit.width)) {
      pieces.push(...unit.pieces);
      used += unit.width;
      continue;
    }
    // Wider than what is left of the line (an address filling it) or than a whole line: grapheme by grapheme.
    for (const piece of unit.pieces) {
      for (const g of graphemes(piece.text)) {
        const width = measure.measure(piece.family, g, options.size);
        if (!fits(width) && pieces.length > 0) endLine();
        pieces.push({ text: g, family: piece.family, width, isWord: piece.isWord, graphemes: 1 });
        used += width;
      }
    }
  }
  if (pieces.length > 0) endLine();

  return lines.map((line, i) => {
    const trimmed = mergePieces(trimEnd(line.pieces, measure, options.size));
    return {
      pieces: trimmed,
      width: trimmed.reduce((sum, p) => sum + p.width, 0),
      indent: line.indent,
      isLast: i === lines.length - 1,
      gaps: gapsOf(trimmed),
    };
  });
}

/**
 * The space after each CJK character and each Latin word that spreads a line
 * to `width`: 0 for the last line of a paragraph, for a line with nothing to
 * spread, and for a line that would need more than half a character between
 * its characters (it is left ragged instead of spaced out).
 */
export function justifiedSpacing(line: SetLine, width: number, size: number): number {
  if (line.isLast || line.gaps === 0) return 0;
  const extra = width - line.indent - line.width;
  if (extra <= 0) return 0;
  const spacing = extra / line.gaps;
  return spacing > size / 2 ? 0 : spacing;
}
