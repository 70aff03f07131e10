/**
 * 本年度未发生: the clerk states that nothing happened in a grid, a table or several
 * tables at once. Every empty input cell becomes 0; computed totals stay computed and
 * cells already typed (a figure, or text the form refused) are kept as they are.
 */
import { compileLayout, type Layout } from "@/lib/template";
import type { CellChange } from "./undo-stack";

/** The grids a scope names: a grid id, or a table id (all its grids). */
export function gridsOfScope(layout: Layout, scope: string): readonly string[] {
  const compiled = compileLayout(layout);
  return compiled.grids
    .filter((grid) => grid.grid.id === scope || grid.section.id === scope)
    .map((grid) => grid.grid.id);
}

/**
 * The changes that fill `gridIds` with zeros. `read` gives a cell's present value;
 * `isTyped` tells a cell whose input holds text the form has not taken (an entry error):
 * it is not empty, the clerk typed there.
 */
export function planFillZero(
  layout: Layout,
  gridIds: readonly string[],
  read: (cellId: string) => number | null | undefined,
  isTyped: (cellId: string) => boolean,
): readonly CellChange[] {
  const compiled = compileLayout(layout);
  const changes: CellChange[] = [];
  for (const gridId of gridIds) {
    for (const cell of compiled.grid(gridId).cells) {
      if (cell.total) continue;
      const value = read(cell.id);
      if ((value === null || value === undefined) && !isTyped(cell.id))
        changes.push({ cellId: cell.id, before: null, after: 0 });
    }
  }
  return changes;
}
