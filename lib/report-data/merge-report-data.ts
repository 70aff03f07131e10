/**
 * Three-way merge of a report's values by id: the values a tab started from (`base`), the
 * tab's own (`mine`) and the server's newer copy (`theirs`). A cell or text changed on one
 * side only is taken from that side; changed on both sides to the same value it is that
 * value; changed on both sides to different values it is a conflict, which only the clerk
 * can settle (components/report-form/conflict-panel.tsx asks, one by one). Totals are
 * recomputed from the merged parts, never merged themselves.
 *
 * Values compare exactly (a text that differs only by a trailing blank is a change), so
 * nothing typed is dropped as "the same". Universal: the browser merges, then saves the
 * result as an ordinary save against the server's version (lib/reports/save-draft.ts).
 */
import { compileLayout, type CellId, type Layout, type NarrativeId } from "../template";
import { withComputedTotals } from "./computed-totals";
import type { ReportData } from "./types";

/** The part of a report a tab edits: cells and texts (meta is the server's). */
export type ReportValues = Pick<ReportData, "cells" | "narrative">;

/** Merged values: every input cell and text of the layout, totals computed from the cells. */
export type MergedValues = {
  readonly cells: Record<CellId, number | null>;
  /** Keyed by NarrativeId; a plain record so that it is also what a save sends. */
  readonly narrative: Record<string, string>;
};

export type CellConflict = {
  readonly kind: "cell";
  readonly id: CellId;
  /** Where the cell is, in the template's words (the table's title, the row, the column). */
  readonly label: string;
  /** null when the starting values are not known (a browser copy kept before they were). */
  readonly base: number | null | undefined;
  readonly mine: number | null;
  readonly theirs: number | null;
};

export type NarrativeConflict = {
  readonly kind: "narrative";
  readonly id: NarrativeId;
  readonly label: string;
  readonly base: string | undefined;
  readonly mine: string;
  readonly theirs: string;
};

export type MergeConflict = CellConflict | NarrativeConflict;

export type MergeSide = "mine" | "theirs";

export interface ReportMerge {
  /** The merge with every conflict still holding mine (so nothing typed is lost until the clerk chooses). */
  readonly merged: MergedValues;
  /** Fields changed on both sides to different values, in reading order (texts first, as the report reads). */
  readonly conflicts: readonly MergeConflict[];
  /** Keys (`mergeKey`) of the fields taken from theirs: changed there only. */
  readonly fromTheirs: readonly string[];
}

/** The key of a field in a merge: its kind and id (a choice is kept by this key). */
export function mergeKey(field: { readonly kind: "cell" | "narrative"; readonly id: string }): string {
  return `${field.kind}:${field.id}`;
}

function figure(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

interface Sides<T> {
  readonly base: T | undefined;
  readonly mine: T;
  readonly theirs: T;
}

/** "mine" | "theirs" | "both" (a conflict); `base` undefined: the start is unknown, so any difference is asked. */
function pick<T>({ base, mine, theirs }: Sides<T>, hasBase: boolean): "mine" | "theirs" | "conflict" {
  if (Object.is(mine, theirs)) return "mine";
  if (hasBase && Object.is(mine, base)) return "theirs";
  if (hasBase && Object.is(theirs, base)) return "mine";
  return "conflict";
}

/**
 * Merges `mine` and `theirs`, both descended from `base`. With `base` null (a copy kept
 * before the starting values were recorded) every field where the two differ is a conflict:
 * without the start nobody can tell which side changed it.
 */
export function mergeReportData(
  layout: Layout,
  base: ReportValues | null,
  mine: ReportValues,
  theirs: ReportValues,
): ReportMerge {
  const compiled = compileLayout(layout);
  const hasBase = base !== null;
  const cells: Record<CellId, number | null> = {};
  const narrative: Record<string, string> = {};
  const conflicts: MergeConflict[] = [];
  const fromTheirs: string[] = [];

  for (const field of compiled.narrativeFields) {
    const sides = {
      base: hasBase ? (base.narrative[field.id] ?? "") : undefined,
      mine: mine.narrative[field.id] ?? "",
      theirs: theirs.narrative[field.id] ?? "",
    };
    const side = pick(sides, hasBase);
    narrative[field.id] = side === "theirs" ? sides.theirs : sides.mine;
    if (side === "theirs") fromTheirs.push(mergeKey({ kind: "narrative", id: field.id }));
    if (side === "conflict") conflicts.push({ kind: "narrative", id: field.id, label: field.heading, ...sides });
  }

  for (const cell of compiled.inputCells) {
    const sides = {
      base: hasBase ? figure(base.cells[cell.id]) : undefined,
      mine: figure(mine.cells[cell.id]),
      theirs: figure(theirs.cells[cell.id]),
    };
    const side = pick(sides, hasBase);
    cells[cell.id] = side === "theirs" ? sides.theirs : sides.mine;
    if (side === "theirs") fromTheirs.push(mergeKey({ kind: "cell", id: cell.id }));
    if (side === "conflict")
      conflicts.push({
        kind: "cell",
        id: cell.id,
        label: `${compiled.grid(cell.gridId).section.heading}：${cell.label}`,
        ...sides,
      });
  }

  return { merged: { cells: withComputedTotals(layout, cells), narrative }, conflicts, fromTheirs };
}

/**
 * The merge with the clerk's choices applied: a conflict chosen "theirs" takes the server's
 * value; one chosen "mine", or not chosen, keeps mine.
 */
export function applyMergeChoices(
  layout: Layout,
  merge: ReportMerge,
  choices: ReadonlyMap<string, MergeSide>,
): MergedValues {
  const cells: Record<CellId, number | null> = { ...merge.merged.cells };
  const narrative: Record<string, string> = { ...merge.merged.narrative };
  for (const conflict of merge.conflicts) {
    if (choices.get(mergeKey(conflict)) !== "theirs") continue;
    if (conflict.kind === "cell") cells[conflict.id] = conflict.theirs;
    else narrative[conflict.id] = conflict.theirs;
  }
  return { cells: withComputedTotals(layout, cells), narrative };
}
