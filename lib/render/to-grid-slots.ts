/**
 * The grid as a full matrix of slots, rows × columns, each pointing at the
 * cell that covers it. HTML needs only the cells (the browser spans them);
 * formats without native rowspan (react-pdf) or with continuation cells
 * (DOCX vertical merge) need to know what covers every slot, and the tests
 * use it to prove spans tile the grid exactly.
 */
import type { BodyCellView, GridView, HeaderCellView } from "./to-report-view";

export interface GridSlot {
  readonly cell: BodyCellView;
  /** Row (header rows first, then body rows) where the covering cell starts. */
  readonly originRow: number;
  readonly originColumn: number;
}

export interface GridSlots {
  /** `slots[row][column]`; null where no cell covers the slot (a malformed grid). */
  readonly slots: readonly (readonly (GridSlot | null)[])[];
  /** Slots covered by more than one cell, or cells reaching past the grid; empty when well-formed. */
  readonly conflicts: readonly string[];
}

function spanOf(cell: BodyCellView): { colSpan: number; rowSpan: number } {
  return cell.kind === "header" ? { colSpan: cell.colSpan, rowSpan: cell.rowSpan } : { colSpan: 1, rowSpan: 1 };
}

export function toGridSlots(grid: GridView): GridSlots {
  const rows: readonly (readonly BodyCellView[])[] = [
    ...grid.headerRows.map((r): readonly HeaderCellView[] => r),
    ...grid.bodyRows.map((r) => r.cells),
  ];
  const slots: (GridSlot | null)[][] = rows.map(() => Array.from({ length: grid.columnCount }, () => null));
  const conflicts: string[] = [];
  rows.forEach((cells, rowIndex) => {
    for (const cell of cells) {
      const { colSpan, rowSpan } = spanOf(cell);
      const name = cell.kind === "header" ? cell.key : cell.cellId;
      for (let r = rowIndex; r < rowIndex + rowSpan; r += 1) {
        for (let c = cell.column; c < cell.column + colSpan; c += 1) {
          const line = slots[r];
          if (!line || c >= grid.columnCount) {
            conflicts.push(`${name} reaches past the grid at ${r},${c}`);
            continue;
          }
          const taken = line[c];
          if (taken) conflicts.push(`${name} overlaps at ${r},${c}`);
          else line[c] = { cell, originRow: rowIndex, originColumn: cell.column };
        }
      }
    }
  });
  return { slots, conflicts };
}
