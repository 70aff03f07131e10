/**
 * Locate the six section headings. Real reports number them wrongly
 * (“3、 收到和处理……” in seed 003), reword them (“五、存在的主要问题及下一步
 * 打算” in seed 000), repeat them (“一、总体情况” twice in seed 001) or leave
 * a section out (seed 000 has no 四). A heading is found by its number and
 * its words together, with tolerance for either, and never by a table row
 * that happens to start with 一、…四、 (their words differ).
 */
import { importMessages } from "./import-messages";
import { bigramRecall, labelKey, matchLabel, normalizeWidth, numberValue } from "./label-key";
import type { DocLine } from "./prepare-lines";
import type { ReadProblem } from "./types";
import type { Layout, Section } from "../template/types";

export interface SectionRegion {
  readonly section: Section;
  /** Line of the heading. */
  readonly heading: number;
  /** Content lines [start, end). */
  readonly start: number;
  readonly end: number;
}

export interface SectionMap {
  /** Found sections by id. */
  readonly regions: ReadonlyMap<string, SectionRegion>;
  /** Line of the first heading found; lines.length when none was found. */
  readonly firstHeading: number;
  readonly problems: readonly ReadProblem[];
}

const NUMBERED = /^(?:第)?([一二三四五六七八九十]|\d{1,2})(?:部分)?[、.,:：]\s*(.*)$/u;
/** Words a heading may carry beyond the template's before it reads as a paragraph. */
const EXTRA_WORDS = 10;

type Wording = "exact" | "close" | "similar" | "none";

interface HeadingMatch {
  readonly section: Section;
  readonly wording: Wording;
  readonly canonicalNumber: boolean;
}

function wordingOf(printedKey: string, expectedKey: string): Wording {
  const match = matchLabel(printedKey, expectedKey);
  if (match !== "none") return match;
  if (printedKey.length > expectedKey.length + EXTRA_WORDS) return "none";
  return bigramRecall(printedKey, expectedKey) >= 0.6 ? "similar" : "none";
}

const RANK: Record<Wording, number> = { exact: 3, close: 2, similar: 1, none: 0 };

/** Longer lines are paragraphs: no heading of the template comes close. */
const MAX_HEADING_LENGTH = 40;

interface SectionKey {
  readonly section: Section;
  readonly key: string;
}

/** The section a single-cell line heads, if any. */
function matchHeading(text: string, sections: readonly SectionKey[]): HeadingMatch | undefined {
  if (text.length > MAX_HEADING_LENGTH * 2) return undefined;
  const compact = normalizeWidth(text);
  if (compact.length > MAX_HEADING_LENGTH) return undefined;
  const numbered = NUMBERED.exec(compact);
  const number = numbered ? numberValue(numbered[1] ?? "") : undefined;
  const printedKey = labelKey(numbered ? (numbered[2] ?? "") : compact);
  if (printedKey.length === 0) return undefined;
  if (number === undefined) {
    // Without a number only the template's exact words make a heading.
    const exact = sections.find((s) => s.key === printedKey);
    return exact ? { section: exact.section, wording: "exact", canonicalNumber: false } : undefined;
  }
  let best: HeadingMatch | undefined;
  for (const { section, key } of sections) {
    const wording = wordingOf(printedKey, key);
    if (wording === "none") continue;
    const numberMatches = number !== undefined && number === numberValue(section.number);
    // Wrong or no numbering is forgiven only when the words are the template's own.
    if (!numberMatches && wording !== "exact") continue;
    const candidate: HeadingMatch = {
      section,
      wording,
      canonicalNumber: compact.startsWith(`${section.number}、`),
    };
    if (!best || RANK[wording] + (numberMatches ? 1 : 0) > RANK[best.wording] + (best.canonicalNumber ? 1 : 0)) {
      best = candidate;
    }
  }
  return best;
}

export function findSections(lines: readonly DocLine[], layout: Layout): SectionMap {
  const problems: ReadProblem[] = [];
  const hits: { section: Section; line: number }[] = [];
  const duplicated = new Set<string>();
  const keys = layout.sections.map((section) => ({ section, key: labelKey(section.heading) }));
  lines.forEach((line, index) => {
    if (line.cells.length !== 1) return;
    const match = matchHeading(line.text, keys);
    if (!match) return;
    const { section } = match;
    if (hits.some((h) => h.section.id === section.id)) {
      // A repeated heading stays in the text (the rule engine points at it there).
      if (!duplicated.has(section.id)) {
        duplicated.add(section.id);
        problems.push({
          code: "section.duplicate",
          severity: "warning",
          place: section.id,
          message: importMessages.sectionDuplicate(section.heading),
        });
      }
      return;
    }
    hits.push({ section, line: index });
    if (match.wording !== "exact" && match.wording !== "close") {
      problems.push({
        code: "section.wording",
        severity: "warning",
        place: section.id,
        message: importMessages.sectionWording(line.text.trim(), section.heading),
      });
    } else if (!match.canonicalNumber) {
      problems.push({
        code: "section.numbering",
        severity: "warning",
        place: section.id,
        message: importMessages.sectionNumbering(line.text.trim(), section.heading),
      });
    }
  });

  const order = layout.sections.map((s) => s.id);
  hits.forEach((hit, i) => {
    const previous = hits[i - 1];
    if (previous && order.indexOf(previous.section.id) > order.indexOf(hit.section.id)) {
      problems.push({
        code: "section.order",
        severity: "warning",
        place: hit.section.id,
        message: importMessages.sectionOrder(hit.section.heading),
      });
    }
  });

  const regions = new Map<string, SectionRegion>();
  hits.forEach((hit, i) => {
    const next = hits[i + 1];
    regions.set(hit.section.id, {
      section: hit.section,
      heading: hit.line,
      start: hit.line + 1,
      end: next ? next.line : lines.length,
    });
  });
  for (const section of layout.sections) {
    if (regions.has(section.id)) continue;
    problems.push({
      code: "section.missing",
      severity: "error",
      place: section.id,
      message: importMessages.sectionMissing(section.heading),
    });
  }
  return { regions, firstHeading: hits[0]?.line ?? lines.length, problems };
}
