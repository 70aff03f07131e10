/**
 * The county summary (全县汇总): the tables of several reports of one layout added up cell
 * by cell. Only the figures a clerk types are added; every total is then computed from the
 * sums (withComputedTotals), so the summary obeys the layout's identities exactly when its
 * parts do, and a mismatch points at a part. Narrative is left blank: a summary is the
 * template's tables only. Universal and pure: the review page, the wizard's 全县 mode and
 * the submit gate read the same sums.
 */
import { compileLayout, type CellId, type Layout } from "../template";
import { sumParts, withComputedTotals } from "./computed-totals";
import type { ReportData, ReportMeta } from "./types";

/** One report added into the summary, with the unit it belongs to. */
export type SummaryPart = {
  readonly unitId: string;
  readonly unitName: string;
  readonly data: ReportData;
};

/** What one unit gave to one cell of the summary. */
export type CellContribution = { readonly unitId: string; readonly unitName: string; readonly value: number };

export type ReportSum = {
  /** The summed tables as report data of the layout (blank narrative). */
  readonly data: ReportData;
  /** Per cell (totals too), the units that state a figure other than 0 there, in the order of the parts. */
  readonly contributions: { readonly [id: CellId]: readonly CellContribution[] };
};

export function sumReports(layout: Layout, parts: readonly SummaryPart[], meta: ReportMeta): ReportSum {
  const compiled = compileLayout(layout);
  const cells: Record<CellId, number | null> = {};
  const contributions: Record<CellId, CellContribution[]> = {};
  for (const cell of compiled.cells) {
    const values = parts.map((part) => part.data.cells[cell.id]);
    if (cell.total === null) cells[cell.id] = sumParts(values, [], cell.type);
    const given: CellContribution[] = [];
    parts.forEach((part, i) => {
      const value = values[i];
      if (typeof value === "number" && Number.isFinite(value) && value !== 0)
        given.push({ unitId: part.unitId, unitName: part.unitName, value });
    });
    if (given.length > 0) contributions[cell.id] = given;
  }
  return { data: { cells: withComputedTotals(layout, cells), narrative: {}, meta }, contributions };
}

/** What a county government's report in 全县 mode is written against: the sums and their sources. */
export type SummaryContext = {
  /** The summed tables, report data of the report's layout. */
  readonly data: ReportData;
  /** Per cell, where its sum comes from, in words (contributionText). */
  readonly sources: { readonly [cellId: string]: string };
  readonly includedCount: number;
  /** Units whose report is not (yet) approved or published, so not in the sums. */
  readonly excludedNames: readonly string[];
};
