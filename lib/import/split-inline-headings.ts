/**
 * Word and some CMS editors put a section heading and the first sentence
 * of its text in one paragraph (“一、总体情况。2023年，我镇……” or a bold
 * heading run followed by plain text). Such a line is split into the
 * heading and the text, so headings can be found line by line. Only the
 * template's exact words after the right number count, so prose that
 * merely starts with 一、 is left alone.
 */
import type { Layout } from "../template/types";
import type { DocLine } from "./prepare-lines";

/** The heading's characters with any whitespace between them, then optional punctuation. */
function headingPattern(number: string, words: string): RegExp {
  const spaced = [...words].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s*");
  return new RegExp(`^\\s*${number}\\s*[、.．]\\s*${spaced}\\s*[。：:；;.．]?\\s*`, "u");
}

const patternCache = new WeakMap<Layout, readonly RegExp[]>();

function patternsOf(layout: Layout): readonly RegExp[] {
  const cached = patternCache.get(layout);
  if (cached) return cached;
  const patterns = layout.sections.map((s) =>
    headingPattern(s.number, s.heading.replace(/^[一二三四五六七八九十]+、/, "")),
  );
  patternCache.set(layout, patterns);
  return patterns;
}

export function splitInlineHeadings(lines: readonly DocLine[], layout: Layout): DocLine[] {
  const patterns = patternsOf(layout);
  const out: DocLine[] = [];
  for (const line of lines) {
    const text = line.cells[0];
    const match =
      line.cells.length === 1 && text !== undefined
        ? patterns.map((p) => p.exec(text)).find((m) => m !== null)
        : undefined;
    const rest = match && text !== undefined ? text.slice(match[0].length).trim() : "";
    if (!match || rest === "") {
      out.push(line);
      continue;
    }
    const heading = match[0].trim().replace(/[。：:；;.．]$/, "");
    out.push({ cells: [heading], text: heading, slots: [heading] }, { cells: [rest], text: rest, slots: [rest] });
  }
  return out;
}
