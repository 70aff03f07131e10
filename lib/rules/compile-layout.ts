/**
 * A layout turned into index arrays once, so each evaluation is a few loops
 * over a Float64Array instead of string look-ups (validation runs on every
 * keystroke in the form and at the submit gate).
 */
import { leafNodes, listCells, listNarrativeFields, type LayoutCell, type NarrativeField } from "../template";
import type { CellType, Grid, HeaderNode, Layout, TableId } from "../template/types";

export interface CompiledGrid {
  readonly grid: Grid;
  readonly tableId: TableId;
  readonly rows: readonly HeaderNode[];
  readonly columns: readonly HeaderNode[];
  /** Compiled cell index of (row, column), or -1 where the pair has no cell. */
  indexAt(row: string, column: string): number;
}

export interface CompiledLayout {
  readonly layout: Layout;
  readonly cells: readonly LayoutCell[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly types: readonly CellType[];
  readonly grids: ReadonlyMap<string, CompiledGrid>;
  readonly narrativeFields: readonly NarrativeField[];
  readonly narrativeById: ReadonlyMap<string, NarrativeField>;
}

const cache = new WeakMap<Layout, CompiledLayout>();

export function compileLayout(layout: Layout): CompiledLayout {
  const cached = cache.get(layout);
  if (cached) return cached;
  const cells = listCells(layout);
  const indexOf = new Map(cells.map((c, i) => [c.id, i]));
  const grids = new Map<string, CompiledGrid>();
  for (const section of layout.sections) {
    if (section.kind !== "table") continue;
    for (const grid of section.grids) {
      const at = new Map<string, number>();
      for (const cell of grid.cells) at.set(`${cell.row}\u0000${cell.column}`, indexOf.get(cell.id) ?? -1);
      grids.set(grid.id, {
        grid,
        tableId: section.id,
        rows: leafNodes(grid.rows),
        columns: leafNodes(grid.columns),
        indexAt: (row, column) => at.get(`${row}\u0000${column}`) ?? -1,
      });
    }
  }
  const narrativeFields = listNarrativeFields(layout);
  const compiled: CompiledLayout = {
    layout,
    cells,
    indexOf,
    types: cells.map((c) => c.type),
    grids,
    narrativeFields,
    narrativeById: new Map(narrativeFields.map((f) => [f.id, f])),
  };
  cache.set(layout, compiled);
  return compiled;
}

/** The compiled grid a rule names; layouts are checked at load, so absence is a programming error. */
export function gridOf(compiled: CompiledLayout, gridId: string): CompiledGrid {
  const grid = compiled.grids.get(gridId);
  if (!grid) throw new Error(`rules: layout ${compiled.layout.id} has no grid ${gridId}`);
  return grid;
}

export function labelOf(nodes: readonly HeaderNode[], id: string): string {
  return nodes.find((n) => n.id === id)?.label ?? id;
}
