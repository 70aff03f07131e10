/**
 * Grapheme clusters, so an emoji sequence or a base + combining mark is never split
 * (line breaking and glyph checks both work on what a reader sees as one character).
 * Falls back to code points where Intl.Segmenter is missing.
 */
const segmenter: Intl.Segmenter | null =
  typeof Intl !== "undefined" && typeof Intl.Segmenter === "function"
    ? new Intl.Segmenter("zh", { granularity: "grapheme" })
    : null;

export function graphemes(text: string): string[] {
  if (segmenter) return Array.from(segmenter.segment(text), (s) => s.segment);
  return Array.from(text);
}
