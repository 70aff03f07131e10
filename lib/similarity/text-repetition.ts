/**
 * How much of one text repeats another (雷同), by character shingles.
 *
 * The measure: both texts are normalized (NFKC folds full-width letters, digits and
 * punctuation into their half-width forms; then every punctuation mark, symbol and space is
 * dropped and Latin letters are lower-cased), cut into overlapping runs of SHINGLE_LENGTH
 * characters (shingles), and a character of the text counts as repeated when some shingle
 * covering it also occurs in the other text. The figure is the share of the text's
 * characters that are repeated ("coverage"), not a Jaccard index of the two shingle sets:
 * a part that copies last year's text and adds one new sentence is still mostly copied, and
 * coverage says so where Jaccard would be diluted by whatever the other text has besides.
 * Shingles over characters rather than words because Chinese has no spaces to split words
 * at and a segmenter would differ between browser and server; eight characters is longer
 * than the set phrases every report shares (政府信息公开申请 is eight, so a lone phrase
 * marks at most itself) and short enough that a copied clause with one changed figure still
 * matches on both sides of the figure.
 *
 * Prescribed text (the template's standard opening and its 统计期限 sentence) is excluded
 * from both the numerator and the denominator: characters covered by a shingle of the
 * prescribed texts are neither counted as repeated nor as compared.
 */

export const SHINGLE_LENGTH = 8;

/** A text below this many compared characters is too short to call copied. */
export const MIN_COMPARED_CHARACTERS = 20;

/** A span of the original text, as UTF-16 offsets [start, end). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Repetition {
  /** Share of the compared characters found in the other text, 0…1. */
  readonly ratio: number;
  /** Characters compared: the normalized text without what the template prescribes. */
  readonly comparedLength: number;
  /** Characters of those found in the other text. */
  readonly repeatedLength: number;
  /** The repeated passages in the original text, in order, not overlapping. */
  readonly passages: readonly TextRange[];
}

/** A text as compared: its normalized characters and where each came from in the original. */
interface NormalizedText {
  readonly characters: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

// Punctuation, symbols, separators, controls and format characters carry no wording.
const ignored = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]/u;

function normalize(text: string): NormalizedText {
  const characters: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const codePoint of text) {
    const start = offset;
    offset += codePoint.length;
    for (const folded of codePoint.normalize("NFKC").toLowerCase()) {
      if (ignored.test(folded)) continue;
      characters.push(folded);
      starts.push(start);
      ends.push(offset);
    }
  }
  return { characters, starts, ends };
}

function shingleAt(text: NormalizedText, index: number): string {
  return text.characters.slice(index, index + SHINGLE_LENGTH).join("");
}

/** The shingles of a text (or several): what another text is compared against. */
export class ShingleSet {
  private readonly shingles = new Set<string>();

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      const normalized = normalize(text);
      for (let index = 0; index + SHINGLE_LENGTH <= normalized.characters.length; index++)
        this.shingles.add(shingleAt(normalized, index));
    }
  }

  has(shingle: string): boolean {
    return this.shingles.has(shingle);
  }

  get size(): number {
    return this.shingles.size;
  }
}

/** Which characters of the text some shingle found in `set` covers. */
function coveredBy(text: NormalizedText, set: ShingleSet): boolean[] {
  const covered = new Array<boolean>(text.characters.length).fill(false);
  let coveredUntil = 0;
  for (let index = 0; index + SHINGLE_LENGTH <= text.characters.length; index++) {
    if (!set.has(shingleAt(text, index))) continue;
    for (let at = Math.max(index, coveredUntil); at < index + SHINGLE_LENGTH; at++) covered[at] = true;
    coveredUntil = index + SHINGLE_LENGTH;
  }
  return covered;
}

const noPrescribedText = new ShingleSet([]);

/**
 * How much of `text` repeats `other`. `prescribed` is the template's own wording, which does
 * not count (pass one ShingleSet built once for many comparisons).
 */
export function measureRepetition(
  text: string,
  other: ShingleSet,
  prescribed: ShingleSet = noPrescribedText,
): Repetition {
  const normalized = normalize(text);
  const excluded = coveredBy(normalized, prescribed);
  const repeated = coveredBy(normalized, other);
  let comparedLength = 0;
  let repeatedLength = 0;
  const passages: TextRange[] = [];
  let runStart = -1;
  for (let index = 0; index <= normalized.characters.length; index++) {
    const isCompared = index < normalized.characters.length && !excluded[index];
    if (isCompared) comparedLength++;
    const isRepeated = isCompared && repeated[index];
    if (isRepeated) repeatedLength++;
    // A passage runs over consecutive repeated characters; prescribed text in between ends it.
    if (isRepeated && runStart < 0) runStart = index;
    if (!isRepeated && runStart >= 0) {
      passages.push({ start: normalized.starts[runStart]!, end: normalized.ends[index - 1]! });
      runStart = -1;
    }
  }
  return {
    ratio: comparedLength === 0 ? 0 : repeatedLength / comparedLength,
    comparedLength,
    repeatedLength,
    passages,
  };
}

/** Whether a repetition is over the threshold (in percent): more than that share, in a text long enough to judge. */
export function exceedsThreshold(repetition: Repetition, thresholdPercent: number): boolean {
  return repetition.comparedLength >= MIN_COMPARED_CHARACTERS && repetition.ratio * 100 > thresholdPercent;
}

/** The share as the page prints it: a whole percentage, never rounded up to the threshold. */
export function repetitionPercent(repetition: Repetition): number {
  return Math.floor(repetition.ratio * 100);
}
