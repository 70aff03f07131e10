/**
 * What differs between two versions of a report's values: narrative fields, then cells, in
 * reading order, labelled from the layout. One comparison for every screen that shows one:
 * the review page's "changes since the last return" and the comparison of a year with the
 * one before (lib/review/compare-years.ts), each formatting the result its own way. The
 * clerk's conflict screen merges instead (merge-report-data.ts).
 * Texts compare without line-ending and surrounding-blank differences, which no reader sees.
 */
import { compileLayout, type CellId, type Layout, type NarrativeId } from "../template";
import type { ReportData } from "./types";

export type CellChange = {
  readonly kind: "cell";
  readonly id: CellId;
  readonly label: string;
  /** A total the layout computes from other cells: it changes with them. */
  readonly isComputed: boolean;
  readonly before: number | null;
  readonly after: number | null;
};

export type NarrativeChange = {
  readonly kind: "narrative";
  readonly id: NarrativeId;
  readonly label: string;
  readonly before: string;
  readonly after: string;
};

export type ReportChange = CellChange | NarrativeChange;

function figure(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function text(value: string | undefined): string {
  return (value ?? "").replace(/\r\n?/g, "\n").trim();
}

export function diffReportData(layout: Layout, before: ReportData, after: ReportData): ReportChange[] {
  const compiled = compileLayout(layout);
  const changes: ReportChange[] = [];
  for (const field of compiled.narrativeFields) {
    const was = text(before.narrative[field.id]);
    const now = text(after.narrative[field.id]);
    if (was !== now) changes.push({ kind: "narrative", id: field.id, label: field.heading, before: was, after: now });
  }
  for (const cell of compiled.cells) {
    const was = figure(before.cells[cell.id]);
    const now = figure(after.cells[cell.id]);
    if (was !== now)
      changes.push({
        kind: "cell",
        id: cell.id,
        label: cell.label,
        isComputed: cell.total !== null,
        before: was,
        after: now,
      });
  }
  return changes;
}
