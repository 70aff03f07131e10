import { compileLayout, standardPreamble, type Layout, type NarrativeId } from "../template";
import type { ReportData } from "./types";

/**
 * A new report: every cell empty (null, never 0: 0 is a figure the clerk reports), the
 * standard opening with the 统计期限 filled in, the statutory period set.
 */
export function blankReportData(layout: Layout, organizationName: string, year: number): ReportData {
  const compiled = compileLayout(layout);
  const cells: Record<string, null> = {};
  for (const cell of compiled.cells) cells[cell.id] = null;
  const narrative: Partial<Record<NarrativeId, string>> = {};
  for (const field of compiled.narrativeFields) narrative[field.id] = "";
  narrative.preamble = standardPreamble(layout, { organizationName, year });
  return {
    cells,
    narrative,
    meta: { organizationName, year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` },
  };
}
