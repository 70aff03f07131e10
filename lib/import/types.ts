/**
 * What the report readers return. Universal: no I/O here, so the text and
 * HTML readers can run in a browser as well as on the server.
 */
import type { OrganizationKind, ReportData } from "../report-data";
import type { FieldId, LayoutId } from "../template";

/** Where the report came from; decides nothing but is shown to the user. */
export type ReportSource = "text" | "html" | "docx" | "pdf";

/**
 * `read`: the input is a report, values were recovered (possibly with
 * problems). `notReport`: readable but no report structure in it (no
 * title, no section, no table). `refused`: not read at all (too large, not
 * text, damaged or dangerous archive).
 */
export type ReadStatus = "read" | "notReport" | "refused";

export type ProblemCode =
  | "input.empty"
  | "input.missing"
  | "input.unreadable"
  | "input.tooLarge"
  | "input.binary"
  | "input.unsupported"
  | "input.damaged"
  | "input.notReport"
  | "input.tooComplex"
  | "input.scanned"
  | "input.encrypted"
  | "archive.tooLarge"
  | "archive.unsafe"
  | "title.missing"
  | "year.missing"
  | "year.layoutMismatch"
  | "layout.undecided"
  | "section.missing"
  | "section.duplicate"
  | "section.numbering"
  | "section.wording"
  | "section.order"
  | "part.missing"
  | "part.wording"
  | "part.order"
  | "parts.none"
  | "grid.missing"
  | "row.missing"
  | "row.values"
  | "cell.blank"
  | "header.wording"
  | "row.wording"
  | "cell.unit"
  | "table.extra"
  | "section.extra"
  | "section.content"
  | "period.unreadable"
  | "period.missing";

/**
 * `error`: something the layout requires could not be read (a section, a
 * row, a value); the report is incomplete as read. `warning`: read, but
 * not as the template words or numbers it (the reviewer should know).
 */
export type ProblemSeverity = "error" | "warning";

export interface ReadProblem {
  readonly code: ProblemCode;
  readonly severity: ProblemSeverity;
  /**
   * What the problem is about: a section id (`t3`, `s5`), a row (`t3.r3_7`),
   * a cell or narrative id, a meta field (`meta.periodStart`) or `file`.
   */
  readonly place: FieldId | "file";
  /** zh-CN, for the person who will fix the report. */
  readonly message: string;
}

export interface ReadResult {
  readonly status: ReadStatus;
  readonly source: ReportSource;
  /** Decided from the table wording; the year decides only when the tables say nothing. */
  readonly layoutId: LayoutId;
  /** The report year from the title (or the 统计期限); null when nowhere to be found. */
  readonly year: number | null;
  /** As printed in the title; '' when not found. */
  readonly organizationName: string;
  /** Guessed from the name (lib/report-data guessOrganizationKind); null without a name. */
  readonly organizationKind: OrganizationKind | null;
  /**
   * Recovered values. Cells that are not in the document are absent (never
   * 0). `meta.year` is `year`, or 0 when the year is unknown (see problems).
   */
  readonly data: ReportData;
  readonly problems: readonly ReadProblem[];
  /** 成文日期 (YYYY-MM-DD) the document states: the page's 成文日期 or its dated signature; null when none. */
  readonly documentDate: string | null;
  /** 发布日期 (YYYY-MM-DD) a copy of the web page states; null when none. */
  readonly publicationDate: string | null;
}

/**
 * One line of the document as the readers see it: a paragraph (one cell)
 * or a table row (one cell per column). Every input format is reduced to
 * this before the common reading, so the layout logic exists once.
 */
export interface SourceLine {
  readonly cells: readonly string[];
  /**
   * A row of a real table (an HTML or .docx `<tr>`): its empty cells are cells of the grid,
   * so a blank after the label, or after the last figure, keeps its column. Text and PDF
   * lines leave it unset: their trailing gaps are padding.
   */
  readonly isTableRow?: boolean;
}
