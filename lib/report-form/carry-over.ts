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
import {
  cellsById,
  findGrid,
  leafNodes,
  listNarrativeFields,
  type HeaderNode,
  type Layout,
  type NarrativeId,
  type ReportData,
} from "@/lib/template";

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
  for (const rule of layout.rules) {
    if (rule.kind !== "carryOver" && rule.kind !== "stockBound") continue;
    const grid = findGrid(layout, rule.grid);
    if (!grid) continue;
    const at = new Map(grid.cells.map((cell) => [`${cell.row}\u0000${cell.column}`, cell.id]));
    if (rule.kind === "carryOver") {
      for (const column of leafNodes(grid.columns)) {
        const to = at.get(`${rule.to}\u0000${column.id}`);
        // Both layouts in force share table 三's ids, so last year's cell has this layout's id.
        const from = at.get(`${rule.from}\u0000${column.id}`);
        if (to && from) pairs.push({ to, from });
      }
    } else {
      for (const row of rule.rows) {
        const id = at.get(`${row}\u0000${rule.stock}`);
        if (id) pairs.push({ to: id, from: id });
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

const labelOf = (nodes: readonly HeaderNode[], id: string): string | undefined =>
  leafNodes(nodes).find((node) => node.id === id)?.label;

/** The rows and columns the layout's `carryOver` and `stockBound` rules carry from last year, in rule order. */
export function carryOverSources(layout: Layout): readonly CarryOverSource[] {
  return layout.rules.flatMap((rule): CarryOverSource[] => {
    if (rule.kind !== "carryOver" && rule.kind !== "stockBound") return [];
    const grid = findGrid(layout, rule.grid);
    if (!grid) return [];
    if (rule.kind === "stockBound") {
      const stock = labelOf(grid.columns, rule.stock);
      return stock ? [{ lastYear: stock, thisYear: stock }] : [];
    }
    const lastYear = labelOf(grid.rows, rule.from);
    const thisYear = labelOf(grid.rows, rule.to);
    return lastYear && thisYear ? [{ lastYear, thisYear }] : [];
  });
}

export function planCarryOver(layout: Layout, current: ReportData, previous: ReportData): CarryOverPlan {
  const catalog = cellsById(layout);
  const cells: CarriedCell[] = [];
  const differences: CarryOverDifference[] = [];
  for (const { to, from } of carryOverPairs(layout)) {
    const lastYear = previous.cells[from];
    if (typeof lastYear !== "number" || !Number.isFinite(lastYear)) continue;
    const label = catalog.get(to)?.label ?? to;
    const present = current.cells[to];
    if (typeof present !== "number") cells.push({ cellId: to, label, value: lastYear });
    else if (present !== lastYear) differences.push({ cellId: to, label, current: present, lastYear });
  }
  const narrative = listNarrativeFields(layout).flatMap((field): OfferedText[] => {
    if (field.id === layout.preamble.id) return [];
    const text = previous.narrative[field.id]?.trim();
    return text ? [{ id: field.id, heading: field.heading, text }] : [];
  });
  return { cells, differences, narrative };
}
