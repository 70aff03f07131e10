/**
 * The values of one report, as the form edits them, the server stores them and the rules,
 * renderers and importers read them. Keyed by the layout's stable ids (lib/template).
 */
import type { CellId, NarrativeId } from "../template";

// Type aliases, not interfaces: aliases get an implicit index signature, so
// ReportData is assignable to JSON value types (e.g. Prisma's InputJsonObject).
export type ReportMeta = {
  readonly organizationName: string;
  /** The report year (统计年度), e.g. 2023. */
  readonly year: number;
  /** 统计期限 start, ISO date YYYY-MM-DD. */
  readonly periodStart?: string;
  /** 统计期限 end, ISO date YYYY-MM-DD. */
  readonly periodEnd?: string;
};

/**
 * The values of one report. A missing cell is `null` or absent — never 0:
 * 0 is a reported figure.
 */
export type ReportData = {
  readonly cells: { readonly [id: CellId]: number | null | undefined };
  readonly narrative: { readonly [id in NarrativeId]?: string };
  readonly meta: ReportMeta;
};
