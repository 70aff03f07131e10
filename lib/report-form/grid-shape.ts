/**
 * A grid of the layout as a rectangle of cells (leaf rows × leaf columns),
 * for what the form does by position: moving with the arrow keys and Enter,
 * and laying a pasted block onto the grid from the focused cell.
 */
import { compileLayout, type CellType, type Layout } from "@/lib/template";

export interface GridCellInfo {
  readonly id: string;
  readonly type: CellType;
  readonly isComputed: boolean;
  /** Row · column, for messages (the compiled layout's label). */
  readonly label: string;
}

export interface GridShape {
  readonly gridId: string;
  readonly rowIds: readonly string[];
  readonly columnIds: readonly string[];
  /** `cells[row][column]`. */
  readonly cells: readonly (readonly GridCellInfo[])[];
  readonly positions: ReadonlyMap<string, { readonly row: number; readonly column: number }>;
}

export type Direction = "up" | "down" | "left" | "right";

const shapeCache = new WeakMap<Layout, Map<string, GridShape>>();

export function gridShape(layout: Layout, gridId: string): GridShape {
  let byGrid = shapeCache.get(layout);
  if (!byGrid) {
    byGrid = new Map();
    shapeCache.set(layout, byGrid);
  }
  const cached = byGrid.get(gridId);
  if (cached) return cached;
  const grid = compileLayout(layout).grid(gridId);
  const rowIds = grid.rows.map((n) => n.id);
  const columnIds = grid.columns.map((n) => n.id);
  const positions = new Map<string, { row: number; column: number }>();
  const cells = rowIds.map((rowId, row) =>
    columnIds.map((columnId, column): GridCellInfo => {
      const cell = grid.cellAt(rowId, columnId);
      if (!cell) throw new Error(`grid ${gridId}: no cell at ${rowId} × ${columnId}`);
      positions.set(cell.id, { row, column });
      return { id: cell.id, type: cell.type, isComputed: cell.total !== null, label: cell.label };
    }),
  );
  const shape: GridShape = { gridId, rowIds, columnIds, cells, positions };
  byGrid.set(gridId, shape);
  return shape;
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
