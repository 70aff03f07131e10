/**
 * Starting this year's report from last year's, driven by the layout's own
 * cross-year rules:
 * - `carryOver` (table 三): last year's 四、结转下年度继续办理 becomes this
 *   year's 二、上年结转政府信息公开申请数量, column by column;
 * - `stockBound` (table 二, gov-2021): last year's 现行有效件数 is this year's
 *   starting stock, which the clerk then adjusts;
 * - narrative: last year's text of each section is offered as a starting
 *   point (never the preamble, which states this year's 统计期限).
 *
 * Only empty cells are filled; a figure the clerk already entered is never
 * overwritten, and a difference is listed so the clerk can look at it.
 */
import type { ReportData } from "@/lib/report-data";
import { compileLayout, type Layout, type NarrativeId } from "@/lib/template";

export interface CarriedCell {
  readonly cellId: string;
  readonly label: string;
  readonly value: number;
}

export interface CarryOverDifference {
  readonly cellId: string;
  readonly label: string;
  readonly current: number;
  readonly lastYear: number;
}

export interface OfferedText {
  readonly id: NarrativeId;
  readonly heading: string;
  readonly text: string;
}

export interface CarryOverPlan {
  /** Empty cells that last year's report fills. */
  readonly cells: readonly CarriedCell[];
  /** Cells already filled with a different figure: left alone, shown. */
  readonly differences: readonly CarryOverDifference[];
  /** Last year's text per narrative field (non-blank, preamble excluded). */
  readonly narrative: readonly OfferedText[];
}

/** Pairs (this year's cell id ← last year's cell id) the layout's cross-year rules define. */
export function carryOverPairs(layout: Layout): readonly { readonly to: string; readonly from: string }[] {
  const pairs: { to: string; from: string }[] = [];
  const compiled = compileLayout(layout);
  for (const rule of layout.rules) {
    if (rule.kind !== "carryOver" && rule.kind !== "stockBound") continue;
    const grid = compiled.grid(rule.grid);
    if (rule.kind === "carryOver") {
      for (const column of grid.columns) {
        const to = grid.cellAt(rule.to, column.id);
        // Both layouts in force share table 三's ids, so last year's cell has this layout's id.
        const from = grid.cellAt(rule.from, column.id);
        if (to && from) pairs.push({ to: to.id, from: from.id });
      }
    } else {
      for (const row of rule.rows) {
        const cell = grid.cellAt(row, rule.stock);
        if (cell) pairs.push({ to: cell.id, from: cell.id });
      }
    }
  }
  return pairs;
}

/** What one cross-year rule carries, in the template's words (for the screen to explain the offer). */
export interface CarryOverSource {
  /** Last year's row or column, as printed (四、结转下年度继续办理). */
  readonly lastYear: string;
  /** This year's row or column it becomes; the same label when a stock is carried forward. */
  readonly thisYear: string;
}

/** The rows and columns the layout's `carryOver` and `stockBound` rules carry from last year, in rule order. */
export function carryOverSources(layout: Layout): readonly CarryOverSource[] {
  return layout.rules.flatMap((rule): CarryOverSource[] => {
    if (rule.kind !== "carryOver" && rule.kind !== "stockBound") return [];
    const grid = compileLayout(layout).grid(rule.grid);
    if (rule.kind === "stockBound") {
      const stock = grid.column(rule.stock)?.label;
      return stock ? [{ lastYear: stock, thisYear: stock }] : [];
    }
    const lastYear = grid.row(rule.from)?.label;
    const thisYear = grid.row(rule.to)?.label;
    return lastYear && thisYear ? [{ lastYear, thisYear }] : [];
  });
}

export function planCarryOver(layout: Layout, current: ReportData, previous: ReportData): CarryOverPlan {
  const compiled = compileLayout(layout);
  const cells: CarriedCell[] = [];
  const differences: CarryOverDifference[] = [];
  for (const { to, from } of carryOverPairs(layout)) {
    const lastYear = previous.cells[from];
    if (typeof lastYear !== "number" || !Number.isFinite(lastYear)) continue;
    const label = compiled.cell(to)?.label ?? to;
    const present = current.cells[to];
    if (typeof present !== "number") cells.push({ cellId: to, label, value: lastYear });
    else if (present !== lastYear) differences.push({ cellId: to, label, current: present, lastYear });
  }
  const narrative = compiled.narrativeFields.flatMap((field): OfferedText[] => {
    if (field.id === layout.preamble.id) return [];
    const text = previous.narrative[field.id]?.trim();
    return text ? [{ id: field.id, heading: field.heading, text }] : [];
  });
  return { cells, differences, narrative };
}
