/**
 * A block copied from Excel, WPS 表格, a Word table or a web page arrives as
 * tab-separated rows. When its first column(s) are row labels (一、本年新收…\t35\t0…),
 * each row goes to the layout row its label names, matched as the importer matches
 * printed labels (lib/template/label-key.ts), wherever the focus is. Otherwise it is
 * laid onto the grid from the focused cell:
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
import { labelKey, matchLabel } from "@/lib/template/label-key";
import type { GridCellInfo, GridShape } from "./grid-shape";

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

/** One pasted row as it will land, for the preview before writing. */
export interface PasteRowPreview {
  /** The grid row's label (as the template prints it). */
  readonly rowLabel: string;
  /** The label the pasted row carried; absent for a block without labels. */
  readonly pastedLabel?: string;
  /** Cells the row writes, left to right (computed totals and blanks are not listed). */
  readonly fills: readonly (PasteFill & { readonly columnLabel: string })[];
}

/** A labelled row that names no row of the grid: nothing of it is written. */
export interface PasteUnplacedRow {
  readonly pastedLabel: string;
  readonly message: string;
}

export interface PastePlan {
  /** Whether rows were placed by their labels rather than from the focused cell. */
  readonly labelled: boolean;
  /** Per grid row, what will be written, top to bottom. */
  readonly rows: readonly PasteRowPreview[];
  /** Labelled rows that name no row of this grid. */
  readonly unplacedRows: readonly PasteUnplacedRow[];
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

/** A pasted value bound for one cell of the grid. */
interface Landing {
  readonly cell: GridCellInfo | undefined;
  readonly text: string;
}

/** A row of landings, with the labels it was placed by (labelled paste). */
interface LandingRow {
  readonly rowIndex: number;
  readonly pastedLabel?: string;
  readonly landings: readonly Landing[];
}

/** A pasted block: rows of cell texts. */
type PastedRows = readonly (readonly string[])[];

/** A cell's present value, to check pasted totals against what the fills give. */
type CurrentValue = (cellId: string) => number | null | undefined;

function positionOf(shape: GridShape, cellId: string): { readonly row: number; readonly column: number } {
  const position = shape.positions.get(cellId);
  if (!position) throw new Error(`paste: ${cellId} is not in grid ${shape.gridId}`);
  return position;
}

/**
 * Where each pasted value goes, starting at `startCellId`. `current` reads a
 * cell's present value, to check pasted totals against what the fills give.
 */
export function planPaste(
  layout: Layout,
  shape: GridShape,
  startCellId: string,
  rows: PastedRows,
  current: CurrentValue,
): PastePlan {
  const start = positionOf(shape, startCellId);
  const landingRows: LandingRow[] = rows.map((row, i) => ({
    rowIndex: start.row + i,
    landings: row.map((text, j) => ({ cell: shape.cells[start.row + i]?.[start.column + j], text })),
  }));
  return settle(layout, shape, false, landingRows, [], current);
}

/** Whether a pasted cell reads as a figure (a label is anything else that is not blank). */
function isFigure(text: string): boolean {
  const parsed = parseCellInput(text, "money");
  return parsed.ok && parsed.value !== null;
}

/** A pasted row split into its leading label cells and its values. */
function splitLabels(row: readonly string[], width: number): { label: string | undefined; values: readonly string[] } {
  let labelEnd = 0;
  for (let j = 0; j < row.length; j++) {
    const text = row[j]!;
    if (text.trim() === "") continue;
    if (isFigure(text)) break;
    labelEnd = j + 1;
  }
  const labels = row.slice(0, labelEnd).filter((text) => text.trim() !== "");
  let values = row.slice(labelEnd);
  // Merged label cells copied from Excel arrive as the label and blank cells: when the row
  // is wider than the grid, the blanks right after the label belong to the label.
  while (values.length > width && values[0]!.trim() === "") values = values.slice(1);
  return { label: labels.at(-1), values };
}

/**
 * The grid row a pasted label names: an exact key first, then a close one (a typo, the
 * label's opening words), preferring the first unused row below the previous one, so
 * repeated labels (其他) pair in order.
 */
function findRow(keys: readonly string[], label: string, used: ReadonlySet<number>, after: number): number {
  const key = labelKey(label);
  if (key === "") return -1;
  for (const kind of ["exact", "close"] as const) {
    const candidates = keys.flatMap((expected, i) => (!used.has(i) && matchLabel(key, expected) === kind ? [i] : []));
    const below = candidates.find((i) => i > after);
    if (below !== undefined) return below;
    if (candidates[0] !== undefined) return candidates[0];
  }
  return -1;
}

const rowKeyCache = new WeakMap<GridShape, readonly string[]>();

function rowKeys(shape: GridShape): readonly string[] {
  const cached = rowKeyCache.get(shape);
  if (cached) return cached;
  const keys = shape.grid.rows.map((row) => labelKey(row.label));
  rowKeyCache.set(shape, keys);
  return keys;
}

/**
 * The paste as the clerk means it: rows placed by their labels when the block carries
 * labels that name rows of this grid, otherwise from the focused cell (`planPaste`).
 * Values of a labelled row that is as wide as the grid start at its first column; a
 * narrower one starts at the focused cell's column (the clerk copied some columns only).
 */
export function planSheetPaste(
  layout: Layout,
  shape: GridShape,
  focusedCellId: string,
  rows: PastedRows,
  current: CurrentValue,
): PastePlan {
  const focus = positionOf(shape, focusedCellId);
  const keys = rowKeys(shape);
  const width = shape.grid.columns.length;
  const split = rows.map((row) => splitLabels(row, width));
  const placesByLabel = split.some(({ label }) => label !== undefined && findRow(keys, label, new Set(), -1) >= 0);
  if (!placesByLabel) return planPaste(layout, shape, focusedCellId, rows, current);

  const used = new Set<number>();
  let previous = -1;
  const landingRows: LandingRow[] = [];
  const unplacedRows: PasteUnplacedRow[] = [];
  for (const { label, values } of split) {
    const hasFigures = values.some((text) => text.trim() !== "");
    if (label === undefined) {
      if (hasFigures) unplacedRows.push({ pastedLabel: values.join(" "), message: "此行没有行名，无法确定填入哪一行" });
      continue;
    }
    const rowIndex = findRow(keys, label, used, previous);
    if (rowIndex < 0) {
      // A heading row (三、本年度办理结果, the column headers) has no figures: nothing to place.
      if (hasFigures) unplacedRows.push({ pastedLabel: label, message: `本表没有“${label.trim()}”这一行` });
      continue;
    }
    used.add(rowIndex);
    previous = rowIndex;
    const from = values.length >= width ? 0 : focus.column;
    landingRows.push({
      rowIndex,
      pastedLabel: label.trim(),
      landings: values.map((text, j) => ({ cell: shape.cells[rowIndex]?.[from + j], text })),
    });
  }
  return settle(layout, shape, true, landingRows, unplacedRows, current);
}

/** Turns landings into fills, refusals and checked totals. */
function settle(
  layout: Layout,
  shape: GridShape,
  labelled: boolean,
  landingRows: readonly LandingRow[],
  unplacedRows: readonly PasteUnplacedRow[],
  current: CurrentValue,
): PastePlan {
  const fills: PasteFill[] = [];
  const refused: PasteRefusal[] = [];
  const previews: PasteRowPreview[] = [];
  const pastedTotals: { cellId: string; label: string; pasted: number }[] = [];
  let totalsSkipped = 0;
  let outside = 0;
  let blanks = 0;
  const compiled = compileLayout(layout);

  for (const { rowIndex, pastedLabel, landings } of landingRows) {
    const rowFills: (PasteFill & { columnLabel: string })[] = [];
    landings.forEach(({ cell, text }) => {
      const isBlank = text.trim() === "";
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
      else if (parsed.value !== null) {
        fills.push({ cellId: cell.id, value: parsed.value });
        const position = shape.positions.get(cell.id);
        const column = position ? shape.grid.columns[position.column] : undefined;
        rowFills.push({ cellId: cell.id, value: parsed.value, columnLabel: column?.label || cell.label });
      }
    });
    const row = shape.grid.rows[rowIndex];
    if (row !== undefined && (rowFills.length > 0 || pastedLabel !== undefined))
      previews.push({
        rowLabel: row.label,
        ...(pastedLabel === undefined ? {} : { pastedLabel }),
        fills: rowFills,
      });
  }

  const filled = new Map(fills.map((fill) => [fill.cellId, fill.value]));
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

  return { labelled, rows: previews, unplacedRows, fills, refused, totalMismatches, totalsSkipped, outside, blanks };
}

/** Whether the plan writes more than one row: the clerk sees where it goes before it is written. */
export function needsPreview(plan: PastePlan): boolean {
  return plan.rows.filter((row) => row.fills.length > 0).length > 1 || plan.unplacedRows.length > 0;
}
