/**
 * A county government's report in 全县 mode: its tables start from the county summary (the
 * sum of its units' approved and published reports). What the wizard receives of the
 * summary, and which figures filling from it writes: every cell the clerk types (the totals
 * follow by themselves), a figure no unit stated left as it is.
 */
import type { ReportData, SummaryContext } from "@/lib/report-data";
import { compileLayout, type Layout } from "@/lib/template";

/** What the wizard receives of the county summary (lib/report-data SummaryContext). */
export type WizardCountySummary = SummaryContext;

export interface SummaryFill {
  readonly cellId: string;
  readonly value: number;
}

export function planSummaryFill(layout: Layout, summary: ReportData): SummaryFill[] {
  return compileLayout(layout).inputCells.flatMap((cell) => {
    const value = summary.cells[cell.id];
    return typeof value === "number" && Number.isFinite(value) ? [{ cellId: cell.id, value }] : [];
  });
}
