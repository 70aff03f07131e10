/**
 * Prose as published mixes full-width digits, spaces around numbers
 * (“2023 年 1 月 1 日”) and half-width punctuation. Matching works on a
 * normalized copy: ASCII digits, no whitespace.
 */
export function normalizeProse(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s\u3000\u00a0]+/g, "");
}

/** Clauses: split at sentence and clause punctuation so a statement's scope stays local. */
export function clauses(normalized: string): string[] {
  return normalized.split(/[，,。；;！!？?]/).filter((c) => c.length > 0);
}

/** Sentences: split at sentence-ending punctuation and line breaks (run on the raw text). */
export function sentences(text: string): string[] {
  return text.split(/[。；;！!？?\n]/).filter((s) => s.trim().length > 0);
}
