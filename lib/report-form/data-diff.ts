/**
 * Where two versions of a report differ, in the clerk's words: for the
 * conflict screen (this tab's copy against the one saved meanwhile) and for
 * restoring a copy kept in the browser. Totals are left out: they follow
 * from the cells that differ.
 */
import { cellsById, listNarrativeFields, type Layout, type ReportData } from "@/lib/template";
import { computedCellPlan } from "./computed-totals";
import { formatCellInput } from "./cell-input";

export interface DataDifference {
  readonly fieldId: string;
  readonly label: string;
  readonly kind: "cell" | "text";
  /** As the clerk would read it: the figure, or the text ('' = empty). */
  readonly mine: string;
  readonly theirs: string;
}

const asNumber = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

export function diffReportData(layout: Layout, mine: ReportData, theirs: ReportData): DataDifference[] {
  const plan = computedCellPlan(layout);
  const out: DataDifference[] = [];
  for (const field of listNarrativeFields(layout)) {
    const a = mine.narrative[field.id] ?? "";
    const b = theirs.narrative[field.id] ?? "";
    if (a !== b) out.push({ fieldId: field.id, label: field.heading, kind: "text", mine: a, theirs: b });
  }
  for (const cell of cellsById(layout).values()) {
    if (plan.has(cell.id)) continue;
    const a = asNumber(mine.cells[cell.id]);
    const b = asNumber(theirs.cells[cell.id]);
    if (a !== b)
      out.push({
        fieldId: cell.id,
        label: cell.label,
        kind: "cell",
        mine: formatCellInput(a),
        theirs: formatCellInput(b),
      });
  }
  return out;
}
