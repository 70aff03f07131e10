/**
 * One grid of a table section, measured: column widths, the header (block
 * title and merged column headers) and the body rows with every cell's lines
 * set in its width, so the paginator knows each row's height exactly and can
 * draw any run of rows as a closed table on its page.
 *
 * - Header rows and body rows take the height of their tallest cell; a cell
 *   spanning rows (三、本年度办理结果, （三）不予公开, a leaf header spanning header
 *   rows) that needs more than its rows grows the last of them.
 * - A figure is set on one line, shrunk down to {@link TABLE_MIN_SIZE} when
 *   it is wider than its column; past that it breaks before its decimal point
 *   and between groups of three digits, never inside a group.
 * - Every cell draws its own four rules, clipped to the rows on the page, so a
 *   table split across pages is closed at the foot of the first part and at
 *   the head of the next, and a row label spanning the break is drawn in the
 *   part where it fits.
 *
 * Universal and pure (fonts through PdfTextMeasure).
 */
import type { BodyCellView, GridView, HeaderCellView } from "../to-report-view";
import { breakLines, type PdfTextMeasure, type SetLine } from "./break-lines";
import type { PdfFace } from "./pdf-faces";
import { CELL_PADDING_X, CELL_PADDING_Y, RULE_WIDTH, TABLE_LINE, TABLE_MIN_SIZE, TABLE_SIZE } from "./pdf-geometry";
import type { PlacedRule, PlacedText } from "./placed";

type Align = "left" | "center";

/** A cell's text, set: lines at a size, aligned in the cell. */
interface CellText {
  readonly lines: readonly SetLine[];
  readonly size: number;
  readonly lineHeight: number;
  readonly align: Align;
}

interface CellBox {
  /** First row (header rows, or body rows) and how many rows it spans. */
  readonly row: number;
  readonly rowSpan: number;
  readonly column: number;
  readonly colSpan: number;
  readonly text: CellText;
}

/** Rows of boxes: a table's header (title and column headers) or its body. */
interface Band {
  /** Height of each row. */
  readonly heights: readonly number[];
  readonly cells: readonly CellBox[];
}

export interface TableLayout {
  readonly id: string;
  readonly widths: readonly number[];
  /** Printed again above each page's part of the table; `height` is all its rows'. */
  readonly header: Band & { readonly height: number };
  readonly body: Band;
}

function sum(values: readonly number[], from = 0, to = values.length): number {
  let total = 0;
  for (let i = from; i < to; i += 1) total += values[i] ?? 0;
  return total;
}

function textHeight(text: CellText): number {
  return text.lines.length * text.lineHeight;
}

function setText(text: string, face: PdfFace, width: number, align: Align, measure: PdfTextMeasure): CellText {
  const inner = Math.max(1, width - 2 * CELL_PADDING_X);
  return {
    lines: breakLines([{ text, face }], measure, { width: inner, size: TABLE_SIZE }),
    size: TABLE_SIZE,
    lineHeight: TABLE_LINE,
    align,
  };
}

/** A figure on one line if it can be, else shrunk, else broken at its decimal point and digit groups. */
function setFigure(text: string, width: number, measure: PdfTextMeasure): CellText {
  const inner = Math.max(1, width - 2 * CELL_PADDING_X);
  const asLines = (parts: readonly string[], size: number): CellText => ({
    lines: parts.flatMap((part) => breakLines([{ text: part, face: "body" }], measure, { width: 1e6, size })),
    size,
    // A figure's lines close up, so they read as one figure and not as two rows.
    lineHeight: parts.length > 1 ? size * 1.15 : TABLE_LINE,
    align: "center",
  });
  const family = measure.familyFor("body", 0x30) ?? "";
  const natural = measure.measure(family, text, TABLE_SIZE);
  if (natural <= inner) return asLines([text], TABLE_SIZE);
  const shrunk = Math.floor(((TABLE_SIZE * inner) / natural) * 10) / 10;
  if (shrunk >= TABLE_MIN_SIZE) return asLines([text], shrunk);
  // Break points: before the decimal point, then between groups of three digits from it.
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return setText(text, "body", width, "center", measure);
  const [, sign = "", integer = "", fraction = ""] = match;
  const groups: string[] = [];
  for (let end = integer.length; end > 0; end -= 3) groups.unshift(integer.slice(Math.max(0, end - 3), end));
  groups[0] = sign + groups[0];
  if (fraction) groups.push(fraction);
  const size = TABLE_MIN_SIZE;
  const lines: string[] = [];
  let current = "";
  for (const group of groups) {
    const candidate = current + group;
    if (current !== "" && measure.measure(family, candidate, size) > inner) {
      lines.push(current);
      current = group;
    } else {
      current = candidate;
    }
  }
  if (current !== "") lines.push(current);
  return asLines(lines, size);
}

/** Heights of `count` rows holding `cells`: each row its tallest one-row cell; spanning cells grow their last row. */
function rowHeightsOf(cells: readonly CellBox[], count: number): number[] {
  const heights = Array.from({ length: count }, () => 0);
  const need = (cell: CellBox) => textHeight(cell.text) + 2 * CELL_PADDING_Y + RULE_WIDTH;
  for (const cell of cells) if (cell.rowSpan === 1) heights[cell.row] = Math.max(heights[cell.row] ?? 0, need(cell));
  for (let i = 0; i < count; i += 1) if ((heights[i] ?? 0) === 0) heights[i] = TABLE_LINE + 2 * CELL_PADDING_Y;
  const spanning = cells.filter((cell) => cell.rowSpan > 1).sort((a, b) => a.rowSpan - b.rowSpan);
  for (const cell of spanning) {
    const last = cell.row + cell.rowSpan - 1;
    const short = need(cell) - sum(heights, cell.row, last + 1);
    if (short > 0) heights[last] = (heights[last] ?? 0) + short;
  }
  return heights;
}

function spanWidth(widths: readonly number[], column: number, span: number): number {
  return sum(widths, column, column + span);
}

function bodyCellText(cell: BodyCellView, widths: readonly number[], measure: PdfTextMeasure): CellText {
  if (cell.kind === "value") return setFigure(cell.text, widths[cell.column] ?? 0, measure);
  const width = spanWidth(widths, cell.column, cell.colSpan);
  return setText(cell.text, "body", width, cell.scope === "row" ? "left" : "center", measure);
}

export function layoutTable(grid: GridView, widths: readonly number[], measure: PdfTextMeasure): TableLayout {
  const headerCells: CellBox[] = [];
  const titleRows = grid.title === null ? 0 : 1;
  if (grid.title !== null) {
    headerCells.push({
      row: 0,
      rowSpan: 1,
      column: 0,
      colSpan: grid.columnCount,
      text: setText(grid.title, "heiti", sum(widths), "center", measure),
    });
  }
  grid.headerRows.forEach((cells: readonly HeaderCellView[], r) => {
    for (const cell of cells) {
      headerCells.push({
        row: titleRows + r,
        rowSpan: cell.rowSpan,
        column: cell.column,
        colSpan: cell.colSpan,
        text: setText(cell.text, "heiti", spanWidth(widths, cell.column, cell.colSpan), "center", measure),
      });
    }
  });
  const headerHeights = rowHeightsOf(headerCells, titleRows + grid.headerRows.length);

  const bodyCells: CellBox[] = [];
  grid.bodyRows.forEach((row, r) => {
    for (const cell of row.cells) {
      bodyCells.push({
        row: r,
        rowSpan: cell.kind === "header" ? cell.rowSpan : 1,
        column: cell.column,
        colSpan: cell.kind === "header" ? cell.colSpan : 1,
        text: bodyCellText(cell, widths, measure),
      });
    }
  });
  const rowHeights = rowHeightsOf(bodyCells, grid.bodyRows.length);
  return {
    id: grid.id,
    widths,
    header: { heights: headerHeights, cells: headerCells, height: sum(headerHeights) },
    body: { heights: rowHeights, cells: bodyCells },
  };
}

/** Height a label spanning rows needs (its text and padding). */
export function labelHeight(cell: CellBox): number {
  return textHeight(cell.text) + 2 * CELL_PADDING_Y;
}

/**
 * Whether the table may break before body row `row`: every label spanning
 * the break fits in the part above it or in the part below.
 */
export function canBreakBefore(table: TableLayout, row: number): boolean {
  for (const cell of table.body.cells) {
    if (cell.rowSpan === 1 || cell.row >= row || cell.row + cell.rowSpan <= row) continue;
    const above = sum(table.body.heights, cell.row, row);
    const below = sum(table.body.heights, row, cell.row + cell.rowSpan);
    if (labelHeight(cell) > Math.max(above, below)) return false;
  }
  return true;
}

function drawCellText(text: CellText, x: number, top: number, width: number, height: number, out: PlacedText[]): void {
  let y = top + (height - textHeight(text)) / 2;
  for (const line of text.lines) {
    let lineX = text.align === "left" ? x + CELL_PADDING_X : x + (width - line.width) / 2;
    for (const piece of line.pieces) {
      out.push({
        x: lineX,
        y,
        text: piece.text,
        family: piece.family,
        size: text.size,
        lineHeight: text.lineHeight,
        letterSpacing: 0,
        width: piece.width,
      });
      lineX += piece.width;
    }
    y += text.lineHeight;
  }
}

function boxRules(x: number, y: number, width: number, height: number, out: PlacedRule[]): void {
  out.push(
    { x1: x, y1: y, x2: x + width, y2: y },
    { x1: x, y1: y + height, x2: x + width, y2: y + height },
    { x1: x, y1: y, x2: x, y2: y + height },
    { x1: x + width, y1: y, x2: x + width, y2: y + height },
  );
}

export interface TableSegment {
  readonly from: number;
  readonly to: number;
  /** Top of the segment's header on its page. */
  readonly top: number;
}

/**
 * Draws the parts of a table, one per page: each its header and its rows,
 * closed by rules. A label spanning rows is drawn in the first part where it
 * fits (else the tallest), centred in that part.
 */
export function drawTableSegments(
  table: TableLayout,
  x: number,
  segments: readonly TableSegment[],
): { texts: PlacedText[]; rules: PlacedRule[]; bottom: number }[] {
  const columnX = table.widths.map((_, i) => x + sum(table.widths, 0, i));
  const clip = (cell: CellBox, segment: TableSegment) => ({
    from: Math.max(cell.row, segment.from),
    to: Math.min(cell.row + cell.rowSpan, segment.to),
  });
  // Which part draws each spanning label.
  const labelSegment = new Map<CellBox, number>();
  for (const cell of table.body.cells) {
    if (cell.rowSpan === 1) continue;
    const heights = segments.map((segment) => {
      const { from, to } = clip(cell, segment);
      return from < to ? sum(table.body.heights, from, to) : -1;
    });
    const firstFitting = heights.findIndex((height) => height >= labelHeight(cell));
    const best = firstFitting >= 0 ? firstFitting : heights.indexOf(Math.max(...heights));
    labelSegment.set(cell, best);
  }

  return segments.map((segment, index) => {
    const texts: PlacedText[] = [];
    const rules: PlacedRule[] = [];
    for (const cell of table.header.cells) {
      const top = segment.top + sum(table.header.heights, 0, cell.row);
      const height = sum(table.header.heights, cell.row, cell.row + cell.rowSpan);
      const width = spanWidth(table.widths, cell.column, cell.colSpan);
      const cellX = columnX[cell.column] ?? x;
      boxRules(cellX, top, width, height, rules);
      drawCellText(cell.text, cellX, top, width, height, texts);
    }
    const bodyTop = segment.top + table.header.height;
    for (const cell of table.body.cells) {
      const { from, to } = clip(cell, segment);
      if (from >= to) continue;
      const top = bodyTop + sum(table.body.heights, segment.from, from);
      const height = sum(table.body.heights, from, to);
      const width = spanWidth(table.widths, cell.column, cell.colSpan);
      const cellX = columnX[cell.column] ?? x;
      boxRules(cellX, top, width, height, rules);
      if (cell.rowSpan === 1 || labelSegment.get(cell) === index)
        drawCellText(cell.text, cellX, top, width, height, texts);
    }
    return { texts, rules, bottom: bodyTop + sum(table.body.heights, segment.from, segment.to) };
  });
}
