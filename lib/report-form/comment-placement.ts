/**
 * Review comments placed where the reviewer pointed: on a cell, on a row of
 * a table, or on a section (a step, or a narrative part within it). A
 * target the layout does not know is still shown, at the top, never dropped.
 */
import { compileLayout, type Layout } from "@/lib/template";
import { parseCommentTarget } from "@/lib/workflow/comment-target";
import { stepOfField } from "./steps";

export interface WizardComment {
  readonly id: string;
  readonly target: string;
  readonly body: string;
  readonly authorName: string | null;
  /** ISO time. */
  readonly createdAt: string;
  readonly isResolved: boolean;
  /** The clerk's answer, if any. */
  readonly reply?: string | null;
}

export interface PlacedComments {
  readonly byCell: ReadonlyMap<string, readonly WizardComment[]>;
  /** Key `<tableId>.<rowId>`. */
  readonly byRow: ReadonlyMap<string, readonly WizardComment[]>;
  /** Narrative field id or table id. */
  readonly bySection: ReadonlyMap<string, readonly WizardComment[]>;
  /** Step id → how many comments it holds, for the step list. */
  readonly countByStep: ReadonlyMap<string, number>;
  /** Targets the layout does not have. */
  readonly unplaced: readonly WizardComment[];
}

function push<K>(map: Map<K, WizardComment[]>, key: K, comment: WizardComment): void {
  const list = map.get(key) ?? [];
  list.push(comment);
  map.set(key, list);
}

export function placeComments(layout: Layout, comments: readonly WizardComment[]): PlacedComments {
  const compiled = compileLayout(layout);
  const tables = new Map<string, Set<string>>();
  for (const cell of compiled.cells) {
    const rows = tables.get(cell.tableId) ?? new Set<string>();
    rows.add(cell.row);
    tables.set(cell.tableId, rows);
  }
  const byCell = new Map<string, WizardComment[]>();
  const byRow = new Map<string, WizardComment[]>();
  const bySection = new Map<string, WizardComment[]>();
  const countByStep = new Map<string, number>();
  const unplaced: WizardComment[] = [];
  const count = (stepId: string): void => void countByStep.set(stepId, (countByStep.get(stepId) ?? 0) + 1);

  for (const comment of comments) {
    const target = parseCommentTarget(comment.target);
    const cell = target?.kind === "cell" ? compiled.cell(target.cellId) : undefined;
    if (cell) {
      push(byCell, cell.id, comment);
      count(cell.tableId);
    } else if (target?.kind === "row" && tables.get(target.tableId)?.has(target.rowId)) {
      push(byRow, `${target.tableId}.${target.rowId}`, comment);
      count(target.tableId);
    } else if (
      target?.kind === "section" &&
      (compiled.narrativeField(target.sectionId) !== undefined || tables.has(target.sectionId))
    ) {
      push(bySection, target.sectionId, comment);
      count(tables.has(target.sectionId) ? target.sectionId : stepOfField(layout, target.sectionId));
    } else {
      unplaced.push(comment);
    }
  }
  return { byCell, byRow, bySection, countByStep, unplaced };
}
