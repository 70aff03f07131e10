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
import type { HeaderNode, Layout, Section } from "../template/types";

export interface SectionRegion {
  readonly section: Section;
  /** Line of the heading. */
  readonly heading: number;
  /** Content lines [start, end). */
  readonly start: number;
  readonly end: number;
}

/** A section of the author's own between the template's (五、信息处理费收取情况, the rest renumbered). */
export interface ExtraRegion {
  /** The heading as printed, its number dropped. */
  readonly title: string;
  readonly heading: number;
  readonly start: number;
  readonly end: number;
}

export interface SectionMap {
  /** Found sections by id. */
  readonly regions: ReadonlyMap<string, SectionRegion>;
  /** Sections the template does not have, in document order; their lines belong to no region. */
  readonly extras: readonly ExtraRegion[];
  /** Line of the first heading found; lines.length when none was found. */
  readonly firstHeading: number;
  readonly problems: readonly ReadProblem[];
}

const NUMBERED = /^(?:第)?([一二三四五六七八九十]|\d{1,2})(?:部分)?[、.,:：]\s*(.*)$/u;
/** A number run into the heading's words (一总体情况): a heading only when the words are the template's. */
const GLUED = /^([一二三四五六七八九十])(.+)$/u;
/** A sub-heading's number in brackets (（一）主动公开政府信息情况, the first part of 一、总体情况). */
const BRACKETED = /^[(（]\s*([一二三四五六七八九十]|\d{1,2})\s*[)）]/u;
/** Words a heading may carry beyond the template's before it reads as a paragraph. */
const EXTRA_WORDS = 10;

type Wording = "exact" | "close" | "similar" | "none";

interface HeadingMatch {
  readonly section: Section;
  readonly wording: Wording;
  readonly canonicalNumber: boolean;
  /** Found by its words where its number is another section's (the author inserted a section before it). */
  readonly byContent?: boolean;
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

/** The number a heading line prints (五、… → 5), undefined when it prints none. */
export function headingNumber(text: string): number | undefined {
  const numbered = NUMBERED.exec(normalizeWidth(text));
  return numbered ? numberValue(numbered[1] ?? "") : undefined;
}

/**
 * The section a single-cell line heads, if any. `mayFollow(section)` says whether the section
 * may come next in the document (not found yet, after those found): only such a section is
 * recognized by its words alone when its number is wrong.
 */
function matchHeading(
  text: string,
  sections: readonly SectionKey[],
  mayFollow: (section: Section) => boolean,
): HeadingMatch | undefined {
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
    // A bracketed number is a section's only when it is that section's number.
    const bracketed = BRACKETED.exec(compact);
    if (exact && bracketed && numberValue(bracketed[1] ?? "") !== numberValue(exact.section.number)) return undefined;
    if (exact) return { section: exact.section, wording: "exact", canonicalNumber: false };
    const glued = GLUED.exec(compact);
    const gluedNumber = glued ? numberValue(glued[1] ?? "") : undefined;
    const gluedKey = labelKey(glued?.[2] ?? "");
    const own = sections.find(
      (s) => gluedNumber === numberValue(s.section.number) && matchLabel(gluedKey, s.key) !== "none",
    );
    return own ? { section: own.section, wording: "exact", canonicalNumber: false } : undefined;
  }
  let best: HeadingMatch | undefined;
  for (const { section, key } of sections) {
    const wording = wordingOf(printedKey, key);
    if (wording === "none") continue;
    const numberMatches = number !== undefined && number === numberValue(section.number);
    // Wrong numbering is forgiven when the words are the template's own, or close to them where
    // the section is the one that may come next (五 taken by a section of the author's own).
    if (!numberMatches && wording !== "exact") {
      if (!mayFollow(section)) continue;
      const candidate: HeadingMatch = { section, wording, canonicalNumber: false, byContent: true };
      if (!best || RANK[wording] > RANK[best.wording]) best = candidate;
      continue;
    }
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
  const order = layout.sections.map((s) => s.id);
  const mayFollow = (section: Section): boolean => {
    const last = hits[hits.length - 1];
    return (
      !hits.some((h) => h.section.id === section.id) &&
      (!last || order.indexOf(section.id) > order.indexOf(last.section.id))
    );
  };
  lines.forEach((line, index) => {
    if (line.cells.length !== 1) return;
    const match = matchHeading(line.text, keys, mayFollow);
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
    if (match.byContent) {
      problems.push({
        code: "section.content",
        severity: "warning",
        place: section.id,
        message: importMessages.sectionByContent(line.text.trim(), section.heading),
      });
    } else if (match.wording !== "exact" && match.wording !== "close") {
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

  const extras = findExtraSections(lines, layout, hits);
  const boundaries = [...hits.map((h) => h.line), ...extras.map((e) => e.line)].sort((a, b) => a - b);
  const endOf = (line: number): number => boundaries.find((b) => b > line) ?? lines.length;
  const lastSection = layout.sections[layout.sections.length - 1];
  for (const extra of extras) {
    problems.push({
      code: "section.extra",
      severity: "warning",
      place: lastSection?.id ?? "file",
      message: importMessages.sectionExtra(extra.printed, lastSection?.heading ?? ""),
    });
  }

  const regions = new Map<string, SectionRegion>();
  for (const hit of hits) {
    regions.set(hit.section.id, { section: hit.section, heading: hit.line, start: hit.line + 1, end: endOf(hit.line) });
  }
  for (const section of layout.sections) {
    if (regions.has(section.id)) continue;
    problems.push({
      code: "section.missing",
      severity: "error",
      place: section.id,
      message: importMessages.sectionMissing(section.heading),
    });
  }
  return {
    regions,
    extras: extras.map((e) => ({ title: e.title, heading: e.line, start: e.line + 1, end: endOf(e.line) })),
    firstHeading: hits[0]?.line ?? lines.length,
    problems,
  };
}

/**
 * Headings of the author's own: where the template's sections are numbered on past their own
 * numbers (五 found as 六), a single-cell line numbered in the gap (五、信息处理费收取情况) is a
 * section the author inserted. A line that is one of the layout's table labels
 * (四、结转下年度继续办理) is never one.
 */
function findExtraSections(
  lines: readonly DocLine[],
  layout: Layout,
  hits: readonly { section: Section; line: number }[],
): { line: number; printed: string; title: string }[] {
  const extras: { line: number; printed: string; title: string }[] = [];
  const printed = hits.map((h) => headingNumber(lines[h.line]?.text ?? ""));
  const tableKeys = layoutLabelKeys(layout);
  for (let i = 1; i < hits.length; i++) {
    const previous = hits[i - 1];
    const hit = hits[i];
    const from = printed[i - 1];
    const to = printed[i];
    if (!previous || !hit || from === undefined || to === undefined) continue;
    if (to <= from + 1 || to <= (numberValue(hit.section.number) ?? Infinity)) continue;
    for (let line = previous.line + 1; line < hit.line; line++) {
      const doc = lines[line];
      if (!doc || doc.cells.length !== 1 || doc.text.length > MAX_HEADING_LENGTH) continue;
      const number = headingNumber(doc.text);
      if (number === undefined || number <= from || number >= to) continue;
      const words = NUMBERED.exec(normalizeWidth(doc.text))?.[2] ?? "";
      if (labelKey(words) === "" || tableKeys.has(labelKey(words))) continue;
      // The title as printed, its number dropped (it no longer numbers anything where it is filed).
      const title = doc.text.trim().replace(/^第?\S{1,2}?(?:部分)?[、.,:：．，]\s*/u, "");
      extras.push({ line, printed: doc.text.trim(), title });
    }
  }
  return extras;
}

/** Every row and column label of the layout's tables, as keys. */
function layoutLabelKeys(layout: Layout): Set<string> {
  const keys = new Set<string>();
  const walk = (nodes: readonly HeaderNode[]): void => {
    for (const node of nodes) {
      keys.add(labelKey(node.label));
      if (node.children) walk(node.children);
    }
  };
  for (const section of layout.sections) {
    if (section.kind !== "table") continue;
    for (const grid of section.grids) {
      walk(grid.rows);
      walk(grid.columns);
    }
  }
  return keys;
}
