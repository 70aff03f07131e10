import {
  listCells,
  listNarrativeFields,
  standardPreamble,
  type Layout,
  type NarrativeId,
  type ReportData,
} from "@/lib/template";

/**
 * A new report: every cell empty (null, never 0: 0 is a figure the clerk reports), the
 * standard opening with the 统计期限 filled in, the statutory period set.
 */
export function blankReportData(layout: Layout, organizationName: string, year: number): ReportData {
  const cells: Record<string, null> = {};
  for (const cell of listCells(layout)) cells[cell.id] = null;
  const narrative: Partial<Record<NarrativeId, string>> = {};
  for (const field of listNarrativeFields(layout)) narrative[field.id] = "";
  narrative.preamble = standardPreamble(layout, { organizationName, year });
  return {
    cells,
    narrative,
    meta: { organizationName, year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` },
  };
}
