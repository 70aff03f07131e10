/**
 * The reading every input format shares: a document reduced to lines of
 * cells (see SourceLine) → layout, year, body, cells, narrative and the
 * problems met on the way. Universal: no I/O.
 *
 * Order of work: find the headings, the title before them, decide the
 * layout from the tables' wording, then read each section with the
 * layout's own definition (rows, columns, sub-parts). Nothing in here names
 * a row or a column.
 */
import { guessOrganizationKind, type ReportData } from "../report-data";
import { compileLayout, layouts } from "../template";
import type { CellId, Layout, NarrativeId } from "../template/types";
import { DEFAULT_LAYOUT_ID, detectLayout } from "./detect-layout";
import { findSections, type SectionMap } from "./find-sections";
import { findTitle } from "./find-title";
import { labelKey } from "./label-key";
import { importMessages } from "./import-messages";
import { prepareLines, tokenize, type DocLine } from "./prepare-lines";
import { readPageDates, takeSignature } from "./read-document-dates";
import { readOverview } from "./read-overview";
import { readPeriod } from "./read-period";
import { readTable } from "./read-table";
import { splitInlineHeadings } from "./split-inline-headings";
import type { ProblemCode, ReadProblem, ReadResult, ReportSource, SourceLine } from "./types";

const layoutName = (layout: Layout): string => `${layout.basis}格式`;

/**
 * A printed table has a few hundred cells (表三: 175 figures and ~40 labels).
 * Only this many tokens after a table heading are read, so a crafted file
 * with 100 000 words under a heading costs milliseconds, not seconds.
 */
const MAX_TABLE_TOKENS = 5000;
/** The longest label of any layout is ~45 characters (申请人逾期未按收费通知……). */
const MAX_LABEL_LENGTH = 80;

function linesText(lines: readonly DocLine[], from: number, to: number): string[] {
  return lines.slice(Math.max(0, from), Math.max(0, to)).map((l) => l.text.trim());
}

/** Problems in reading order: file and meta first, then by section as the layout orders them. */
function sortProblems(problems: readonly ReadProblem[], layout: Layout): ReadProblem[] {
  const ids = layout.sections.map((s) => s.id as string);
  const rank = (place: string): number => ids.findIndex((id) => place === id || place.startsWith(`${id}.`));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.place) - rank(b.p.place) || a.i - b.i)
    .map(({ p }) => p);
}

/** A file refused before reading (wrong kind, too large, unreadable): one file-level error. */
export function refusedReading(code: ProblemCode, message: string, source: ReportSource = "text"): ReadResult {
  return emptyReadResult(source, "refused", [{ code, severity: "error", place: "file", message }]);
}

/** An empty reading of `layout`: what a refused or non-report input returns. */
export function emptyReadResult(
  source: ReportSource,
  status: "notReport" | "refused",
  problems: readonly ReadProblem[],
): ReadResult {
  return {
    status,
    source,
    layoutId: DEFAULT_LAYOUT_ID,
    year: null,
    organizationName: "",
    organizationKind: null,
    data: { cells: {}, narrative: {}, meta: { organizationName: "", year: 0 } },
    problems,
    documentDate: null,
    publicationDate: null,
  };
}

export function readReportLines(source: readonly SourceLine[], origin: ReportSource): ReadResult {
  const lines = splitInlineHeadings(prepareLines(source), layouts[DEFAULT_LAYOUT_ID]);
  if (lines.length === 0) {
    return emptyReadResult(origin, "notReport", [
      { code: "input.empty", severity: "error", place: "file", message: importMessages.empty() },
    ]);
  }
  const problems: ReadProblem[] = [];

  // Headings are worded alike in every layout, so a first pass with any layout finds where the title block ends.
  const probe = findSections(lines, layouts[DEFAULT_LAYOUT_ID]);
  const title = findTitle(lines, probe.firstHeading);
  // Only short cells can be labels; paragraphs are skipped without computing their keys.
  const decision = detectLayout(
    lines.flatMap((l) => l.cells.filter((c) => c.length <= MAX_LABEL_LENGTH).map(labelKey)),
    title?.year,
  );
  const layout = decision.layout;
  const compiled = compileLayout(layout);
  const sections: SectionMap = layout.id === DEFAULT_LAYOUT_ID ? probe : findSections(lines, layout);
  problems.push(...sections.problems);

  // ---------------------------------------------------------------- tables
  const cells = new Map<CellId, number>();
  let rowsFound = 0;
  // What the template has no place for (a section or a table of the author's own) is filed, in
  // document order, under the template's last section, 其他需要报告的事项 (lib/template).
  const otherMatters: { line: number; text: string[] }[] = sections.extras.map((extra) => ({
    line: extra.heading,
    text: [extra.title, ...linesText(lines, extra.start, extra.end)],
  }));
  for (const section of layout.sections) {
    if (section.kind !== "table") continue;
    const region = sections.regions.get(section.id);
    if (!region) continue;
    const reading = readTable(tokenize(lines, region.start, region.end, MAX_TABLE_TOKENS), compiled, section);
    for (const [id, value] of reading.cells) cells.set(id, value);
    rowsFound += reading.rowsFound;
    problems.push(...reading.problems);
    if (reading.extraFrom !== undefined)
      otherMatters.push({ line: reading.extraFrom, text: linesText(lines, reading.extraFrom, region.end) });
  }

  if (sections.regions.size < 2 && rowsFound === 0) {
    return emptyReadResult(origin, "notReport", [
      {
        code: "input.notReport",
        severity: "error",
        place: "file",
        // A PDF that reads as no report may be one whose fonts carry no text encoding (its
        // text comes out wrong, as copying from it would): say so, and what to upload instead.
        message: origin === "pdf" ? importMessages.pdfNotReport() : importMessages.notReport(),
      },
    ]);
  }

  // ---------------------------------------------------------------- narrative
  const narrative = new Map<NarrativeId, string>();
  const preambleStart = title ? title.lastLine + 1 : 0;
  const preamble = linesText(lines, preambleStart, sections.firstHeading);
  if (preamble.length > 0) narrative.set("preamble", preamble.join("\n"));
  for (const section of layout.sections) {
    if (section.kind !== "narrative") continue;
    const region = sections.regions.get(section.id);
    if (!region) continue;
    const text = linesText(lines, region.start, region.end);
    const reading = readOverview(text, section);
    for (const [id, value] of reading.narrative) narrative.set(id, value);
    problems.push(...reading.problems);
  }

  const catchAll = layout.sections[layout.sections.length - 1];
  if (catchAll?.kind === "narrative" && otherMatters.length > 0) {
    const own = narrative.get(catchAll.id as NarrativeId);
    const filed = otherMatters.sort((a, b) => a.line - b.line).flatMap((m) => m.text);
    narrative.set(catchAll.id as NarrativeId, [...filed, ...(own ? [own] : [])].join("\n"));
  }

  // ---------------------------------------------------------------- dates
  // The dated signature ends the last section's text: it is the 成文日期, not narrative.
  let signatureDate: string | null = null;
  const lastSection = layout.sections
    .filter((section) => section.kind === "narrative" && section.parts.length === 0 && sections.regions.has(section.id))
    .sort((a, b) => sections.regions.get(b.id)!.start - sections.regions.get(a.id)!.start)[0];
  const lastText = lastSection ? narrative.get(lastSection.id as NarrativeId) : undefined;
  if (lastSection && lastText !== undefined) {
    const signature = takeSignature(lastText);
    if (signature.date) {
      signatureDate = signature.date;
      narrative.set(lastSection.id as NarrativeId, signature.text);
    }
  }
  const pageDates = readPageDates(source);

  // ---------------------------------------------------------------- title, year, period
  const organizationName = title?.organizationName ?? "";
  if (!title || organizationName === "") {
    problems.push({
      code: "title.missing",
      severity: "error",
      place: "meta.organizationName",
      message: importMessages.titleMissing(),
    });
  }
  const period = readPeriod(
    compiled.periodSentenceFields.map((field) => narrative.get(field.id) ?? ""),
    title?.year,
  );
  if (period.kind === "unreadable") {
    problems.push({
      code: "period.unreadable",
      severity: "warning",
      place: "meta.periodStart",
      message: importMessages.periodUnreadable(period.raw, period.suggestion),
    });
  } else if (period.kind === "none") {
    problems.push({
      code: "period.missing",
      severity: "warning",
      place: "meta.periodStart",
      message: importMessages.periodMissing(),
    });
  }
  const periodYear = period.kind === "period" ? Number(period.start.slice(0, 4)) : undefined;
  const year = title?.year ?? periodYear ?? null;
  if (year === null) {
    problems.push({
      code: "year.missing",
      severity: "error",
      place: "meta.year",
      message: importMessages.yearMissing(),
    });
  }
  if (decision.basis === "content" && decision.forYear && decision.forYear.id !== layout.id && year !== null) {
    problems.push({
      code: "year.layoutMismatch",
      severity: "warning",
      place: "meta.year",
      message: importMessages.yearLayoutMismatch(year, layoutName(decision.forYear), layoutName(layout)),
    });
  } else if (decision.basis === "default") {
    problems.push({
      code: "layout.undecided",
      severity: "warning",
      place: "meta.year",
      message: importMessages.layoutUndecided(layoutName(layout)),
    });
  }

  // ---------------------------------------------------------------- result, in the layout's order
  const cellValues: Record<CellId, number> = {};
  for (const cell of compiled.cells) {
    const value = cells.get(cell.id);
    if (value !== undefined) cellValues[cell.id] = value;
  }
  const narrativeValues: { [id in NarrativeId]?: string } = {};
  for (const field of compiled.narrativeFields) {
    const value = narrative.get(field.id);
    if (value !== undefined && value !== "") narrativeValues[field.id] = value;
  }
  const data: ReportData = {
    cells: cellValues,
    narrative: narrativeValues,
    meta: {
      organizationName,
      year: year ?? 0,
      ...(period.kind === "period" ? { periodStart: period.start, periodEnd: period.end } : {}),
    },
  };
  return {
    status: "read",
    source: origin,
    layoutId: layout.id,
    year,
    organizationName,
    organizationKind: organizationName === "" ? null : guessOrganizationKind(organizationName),
    data,
    problems: sortProblems(problems, layout),
    documentDate: pageDates.documentDate ?? signatureDate,
    publicationDate: pageDates.publicationDate,
  };
}
