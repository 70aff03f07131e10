/**
 * Split 一、总体情况 into the template's sub-parts where the layout has them
 * (gov-2021: （一）主动公开 … （五）监督保障). Reports number their
 * sub-parts “（一）” or “1、”, word them their own way (“（五）督查保障落实
 * 情况”) and sometimes order them differently (seed 003 opens with
 * 组织推动…, which is 政府信息管理): each numbered block is filed under the
 * sub-part its words name, the rest in order. The numbering is dropped (the
 * form prints it); the author's words are kept, except a heading line that
 * only restates the template's (seed 000: “1、主动公开方面”).
 */
import type { NarrativeId, NarrativeSection } from "../template/types";
import { importMessages } from "./import-messages";
import { bigramRecall, labelKey, numberValue } from "./label-key";
import type { ReadProblem } from "./types";

export interface OverviewReading {
  /** Narrative values by id; a part with no text is absent. */
  readonly narrative: ReadonlyMap<NarrativeId, string>;
  readonly problems: readonly ReadProblem[];
}

const PAREN_MARKER = /^[(（]\s*([一二三四五六七八九十])\s*[)）]\s*/u;
const ARABIC_MARKER = /^([1-9])\s*[、.．]\s*(?![\d.．])/u;
/** Sub-heading words end at the first full stop or colon (“主动公开方面。2023年……”). */
const PHRASE_END = /[。：:；;！!？?]/u;
const MAX_HEADING_LENGTH = 30;
/** A printed sub-heading names a template sub-part when it has half of its character pairs. */
const NAMES_PART = 0.5;

interface Block {
  readonly number: number;
  readonly phrase: string;
  readonly headingOnly: boolean;
  readonly printed: string;
  readonly lines: string[];
}

function markerOf(line: string, style: "paren" | "arabic"): { number: number; rest: string } | undefined {
  const match = (style === "paren" ? PAREN_MARKER : ARABIC_MARKER).exec(line);
  const number = match ? numberValue(match[1] ?? "") : undefined;
  return match && number !== undefined ? { number, rest: line.slice(match[0].length).trim() } : undefined;
}

function headingPhrase(rest: string): { phrase: string; headingOnly: boolean } {
  const end = rest.search(PHRASE_END);
  const headingOnly = (end < 0 || end === rest.length - 1) && rest.length <= MAX_HEADING_LENGTH;
  if (headingOnly) return { phrase: end < 0 ? rest : rest.slice(0, end), headingOnly };
  return { phrase: rest.slice(0, end >= 0 && end <= MAX_HEADING_LENGTH ? end : MAX_HEADING_LENGTH), headingOnly };
}

/** `lines`: the section's paragraphs, trimmed, in order. */
export function readOverview(lines: readonly string[], section: NarrativeSection): OverviewReading {
  const narrative = new Map<NarrativeId, string>();
  const problems: ReadProblem[] = [];
  const parts = section.parts;
  if (parts.length === 0) {
    if (lines.length > 0) narrative.set(section.id, lines.join("\n"));
    return { narrative, problems };
  }

  // The first marker decides the style; the other style is then ordinary text (lists inside a part).
  let style: "paren" | "arabic" | undefined;
  for (const line of lines) {
    if (PAREN_MARKER.test(line)) style = "paren";
    else if (ARABIC_MARKER.test(line) && markerOf(line, "arabic")?.number === 1) style = "arabic";
    if (style) break;
  }

  const lead: string[] = [];
  const blocks: Block[] = [];
  for (const line of lines) {
    const marker = style ? markerOf(line, style) : undefined;
    const last = blocks[blocks.length - 1];
    if (marker && marker.number > (last?.number ?? 0) && marker.number <= parts.length) {
      const { phrase, headingOnly } = headingPhrase(marker.rest);
      const printed = `${line.slice(0, line.length - marker.rest.length).trim()}${phrase}`;
      blocks.push({ number: marker.number, phrase, headingOnly, printed, lines: marker.rest ? [marker.rest] : [] });
    } else if (last) {
      last.lines.push(line);
    } else {
      lead.push(line);
    }
  }

  if (blocks.length === 0) {
    if (lines.length > 0) narrative.set(section.id, lines.join("\n"));
    problems.push({
      code: "parts.none",
      severity: "warning",
      place: section.id,
      message: importMessages.partsNone(
        section.heading,
        parts.map((p) => p.heading),
      ),
    });
    return { narrative, problems };
  }
  if (lead.length > 0) narrative.set(section.id, lead.join("\n"));

  // Greedy: the strongest (block, part) naming first, then what is left in order.
  const partKeys = parts.map((p) => labelKey(p.heading));
  const scores = blocks.map((b) => partKeys.map((key) => bigramRecall(labelKey(b.phrase), key)));
  const partOf = new Map<number, number>();
  const taken = new Set<number>();
  for (;;) {
    let best: { b: number; p: number; score: number } | undefined;
    scores.forEach((row, b) => {
      if (partOf.has(b)) return;
      row.forEach((score, p) => {
        if (taken.has(p) || score < NAMES_PART) return;
        if (!best || score > best.score) best = { b, p, score };
      });
    });
    if (!best) break;
    partOf.set(best.b, best.p);
    taken.add(best.p);
  }
  blocks.forEach((_, b) => {
    if (partOf.has(b)) return;
    const free = parts.findIndex((_, p) => !taken.has(p));
    if (free < 0) return;
    partOf.set(b, free);
    taken.add(free);
  });

  blocks.forEach((block, b) => {
    const p = partOf.get(b);
    const part = p === undefined ? undefined : parts[p];
    if (p === undefined || !part) return;
    const namesPart = (scores[b]?.[p] ?? 0) >= NAMES_PART;
    const text = namesPart && block.headingOnly ? block.lines.slice(1) : block.lines;
    if (text.length > 0) narrative.set(part.id, text.join("\n"));
    if (!namesPart) {
      problems.push({
        code: "part.wording",
        severity: "warning",
        place: part.id,
        message: importMessages.partWording(block.printed, part.heading),
      });
    } else if (p !== block.number - 1) {
      problems.push({
        code: "part.order",
        severity: "warning",
        place: part.id,
        message: importMessages.partPlaced(block.printed, part.heading),
      });
    }
  });
  parts.forEach((part, p) => {
    if (taken.has(p)) return;
    problems.push({
      code: "part.missing",
      severity: "error",
      place: part.id,
      message: importMessages.partMissing(section.heading, part.heading),
    });
  });
  return { narrative, problems };
}
