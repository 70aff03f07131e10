/**
 * What changed between two versions of a report's data: figures by stable cell id and
 * narrative fields by id, labelled from the layout, in reading order. Universal code: the
 * review page shows it as "changes since the last return".
 */
import { listCells, listNarrativeFields, type Layout, type ReportData } from "@/lib/template";

export type CellChange = { kind: "cell"; id: string; label: string; before: number | null; after: number | null };
export type NarrativeChange = { kind: "narrative"; id: string; label: string; before: string; after: string };
export type ReportChange = CellChange | NarrativeChange;

function figure(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function text(value: string | undefined): string {
  return (value ?? "").replace(/\r\n?/g, "\n").trim();
}

export function diffReportData(layout: Layout, before: ReportData, after: ReportData): ReportChange[] {
  const changes: ReportChange[] = [];
  for (const field of listNarrativeFields(layout)) {
    const was = text(before.narrative[field.id]);
    const now = text(after.narrative[field.id]);
    if (was !== now) changes.push({ kind: "narrative", id: field.id, label: field.heading, before: was, after: now });
  }
  for (const cell of listCells(layout)) {
    const was = figure(before.cells[cell.id]);
    const now = figure(after.cells[cell.id]);
    if (was !== now) changes.push({ kind: "cell", id: cell.id, label: cell.label, before: was, after: now });
  }
  return changes;
}
