/**
 * Lines of a narrative that look like a heading (“一、总体情况”, “（一）主动公开”),
 * normalized so half-width brackets and stray spaces still compare equal.
 */
import { memoizeText } from "./memo";

export function normalizeHeading(line: string): string {
  return line
    .replace(/[\s\u3000\u00a0]+/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/[：:。．.]+$/, "");
}

const headingLike = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

function parseHeadingLines(text: string): readonly string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const normalized = normalizeHeading(line);
    // A heading is short; a numbered paragraph (“（一）主动公开方面。2023年……”) is not one.
    if (normalized.length > 0 && normalized.length <= 40 && headingLike.test(normalized)) out.push(normalized);
  }
  return out;
}

export const headingLines = memoizeText(parseHeadingLines);
