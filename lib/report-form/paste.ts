/**
 * A block copied from Excel, WPS 表格, a Word table or a web page arrives as
 * tab-separated rows. It is laid onto the grid from the focused cell:
 * figures fill the cells they land on, after the same normalization as
 * typing; blank pasted cells leave the cell as it was; what lands on a
 * computed total is not written (the form computes it) but checked against
 * the computed value; what cannot be read, and what falls outside the grid,
 * is reported. Nothing is dropped without saying so.
 */
import Papa from "papaparse";
import { parseCellInput } from "./cell-input";
import { sumParts } from "@/lib/report-data";
import { compileLayout, type Layout } from "@/lib/template";
import type { GridShape } from "./grid-shape";

/** Rows of cells. Excel's trailing line break and quoting (cells with line breaks or tabs) are handled. */
export function parseClipboardTable(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/\r\n?/g, "\n"), {
    delimiter: "\t",
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
  });
  const rows = parsed.data.map((row) => row.map((cell) => cell));
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.trim() === "")) rows.pop();
  return rows;
}

/** Whether pasted text is a block (more than one cell) rather than one value for one input. */
export function isBlockPaste(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ""));
}

export interface PasteFill {
  readonly cellId: string;
  readonly value: number;
}

export interface PasteRefusal {
  readonly cellId: string;
  readonly label: string;
  readonly message: string;
}

export interface PasteTotalMismatch {
  readonly cellId: string;
  readonly label: string;
  readonly pasted: number;
  readonly computed: number | null;
}

export interface PastePlan {
  readonly fills: readonly PasteFill[];
  readonly refused: readonly PasteRefusal[];
  /** Pasted onto computed totals: not written; these ones disagree with the computed value. */
  readonly totalMismatches: readonly PasteTotalMismatch[];
  /** How many pasted values landed on totals (written by the form, not the paste). */
  readonly totalsSkipped: number;
  /** Non-blank pasted values beyond the grid's last row or column. */
  readonly outside: number;
  /** Blank pasted cells (the grid's cell was left as it was). */
  readonly blanks: number;
}

/**
 * Where each pasted value goes, starting at `startCellId`. `current` reads a
 * cell's present value, to check pasted totals against what the fills give.
 */
export function planPaste(
  layout: Layout,
  shape: GridShape,
  startCellId: string,
  rows: readonly (readonly string[])[],
  current: (cellId: string) => number | null | undefined,
): PastePlan {
  const start = shape.positions.get(startCellId);
  if (!start) throw new Error(`paste: ${startCellId} is not in grid ${shape.gridId}`);
  const fills: PasteFill[] = [];
  const refused: PasteRefusal[] = [];
  const pastedTotals: { cellId: string; label: string; pasted: number }[] = [];
  let totalsSkipped = 0;
  let outside = 0;
  let blanks = 0;

  rows.forEach((row, i) => {
    row.forEach((text, j) => {
      const isBlank = text.trim() === "";
      const cell = shape.cells[start.row + i]?.[start.column + j];
      if (!cell) {
        if (!isBlank) outside += 1;
        return;
      }
      if (isBlank) {
        blanks += 1;
        return;
      }
      const parsed = parseCellInput(text, cell.type);
      if (cell.isComputed) {
        totalsSkipped += 1;
        if (parsed.ok && parsed.value !== null)
          pastedTotals.push({ cellId: cell.id, label: cell.label, pasted: parsed.value });
        return;
      }
      if (!parsed.ok) refused.push({ cellId: cell.id, label: cell.label, message: parsed.message });
      else if (parsed.value !== null) fills.push({ cellId: cell.id, value: parsed.value });
    });
  });

  const filled = new Map(fills.map((fill) => [fill.cellId, fill.value]));
  const compiled = compileLayout(layout);
  const totalMismatches = pastedTotals.flatMap((total): PasteTotalMismatch[] => {
    const cell = compiled.cell(total.cellId);
    if (!cell?.total) return [];
    const value = sumParts(
      cell.total.inputs.map((id) => (filled.has(id) ? filled.get(id) : current(id))),
      cell.total.weights,
      cell.type,
    );
    return value === total.pasted ? [] : [{ ...total, computed: value }];
  });

  return { fills, refused, totalMismatches, totalsSkipped, outside, blanks };
}
