/**
 * A grid of the layout as a rectangle of cells (leaf rows × leaf columns),
 * for what the form does by position: moving with the arrow keys and Enter,
 * and laying a pasted block onto the grid from the focused cell.
 */
import { compileLayout, memoizeByLayout, type CellType, type CompiledGrid, type Layout } from "@/lib/template";

export interface GridCellInfo {
  readonly id: string;
  readonly type: CellType;
  readonly isComputed: boolean;
  /** Row · column, for messages (the compiled layout's label). */
  readonly label: string;
}

export interface GridShape {
  readonly gridId: string;
  /** The compiled grid: its leaf rows and columns, top to bottom and left to right. */
  readonly grid: CompiledGrid;
  /** `cells[row][column]`, by the positions of `grid.rows` and `grid.columns`. */
  readonly cells: readonly (readonly GridCellInfo[])[];
  readonly positions: ReadonlyMap<string, { readonly row: number; readonly column: number }>;
}

export type Direction = "up" | "down" | "left" | "right";

/** Every grid of a layout as a rectangle, built once per layout. */
const shapesOf = memoizeByLayout(
  (layout) => new Map(compileLayout(layout).grids.map((grid) => [grid.grid.id, rectangleOf(grid)])),
);

export function gridShape(layout: Layout, gridId: string): GridShape {
  const shape = shapesOf(layout).get(gridId);
  if (!shape) throw new Error(`layout ${layout.id} has no grid ${gridId}`);
  return shape;
}

function rectangleOf(grid: CompiledGrid): GridShape {
  const gridId = grid.grid.id;
  const positions = new Map<string, { row: number; column: number }>();
  const cells = grid.rows.map((rowNode, row) =>
    grid.columns.map((columnNode, column): GridCellInfo => {
      const cell = grid.cellAt(rowNode.id, columnNode.id);
      if (!cell) throw new Error(`grid ${gridId}: no cell at ${rowNode.id} × ${columnNode.id}`);
      positions.set(cell.id, { row, column });
      return { id: cell.id, type: cell.type, isComputed: cell.total !== null, label: cell.label };
    }),
  );
  return { gridId, grid, cells, positions };
}

const steps: Record<Direction, readonly [number, number]> = {
  up: [-1, 0],
  down: [1, 0],
  left: [0, -1],
  right: [0, 1],
};

/**
 * The next cell the clerk can type in from `cellId`, skipping computed
 * totals; undefined at the edge of the grid (focus stays put, as in a spreadsheet).
 */
export function nextEditableCell(shape: GridShape, cellId: string, direction: Direction): string | undefined {
  const from = shape.positions.get(cellId);
  if (!from) return undefined;
  const [dr, dc] = steps[direction];
  let row = from.row + dr;
  let column = from.column + dc;
  while (row >= 0 && row < shape.cells.length && column >= 0 && column < (shape.cells[row]?.length ?? 0)) {
    const cell = shape.cells[row]?.[column];
    if (cell && !cell.isComputed) return cell.id;
    row += dr;
    column += dc;
  }
  return undefined;
}
