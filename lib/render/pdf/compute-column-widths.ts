/**
 * Column widths of a table section in the PDF (and the DOCX), in points.
 * react-pdf has no table layout, so widths are decided here from the view
 * model:
 *
 * - A grid without row labels (table 四) splits the width evenly.
 * - Otherwise the row-label block ("stub") is its group levels plus a leaf
 *   level wide enough for the longest leaf label on two lines (three when
 *   the grid has more than three figure columns), kept between 22% and 45%
 *   of the width; figure columns share the rest evenly.
 * - Group levels (table 三: 三、本年度办理结果 → （三）不予公开 → 1.属于国家秘密) are
 *   as narrow as their labels allow: about a quarter of the label per line,
 *   never narrower than the widest unbreakable unit such as （三）, plus half
 *   a character of slack. The leaf level keeps at least 40% of the stub.
 * - All grids of one section share the stub width, so the four blocks of
 *   table 二 line up as one table.
 *
 * Universal and pure.
 */
import type { GridView, HeaderCellView, TableSectionView } from "../to-report-view";
import { splitLineUnits } from "./split-cjk-line-units";

export interface ColumnWidthOptions {
  /** Width available to the table, in points. */
  readonly width: number;
  /** Font size of table text, in points. */
  readonly fontSize: number;
  /** Horizontal padding inside one cell (both sides together), in points. */
  readonly cellPadding: number;
  /**
   * The narrowest a figure column may be, in points: the stub gives way (down to its least
   * share) so that every figure column is at least this wide. The DOCX asks for it, since
   * the office suite that opens it may set the figures in a wider face than the PDF embeds.
   */
  readonly minValueWidth?: number;
}

const MIN_STUB_SHARE = 0.22;
const MAX_STUB_SHARE = 0.45;

function graphemeLength(text: string): number {
  return Array.from(text).length;
}

/** Width, in character cells, of the widest unit that cannot break. */
function widestUnit(text: string): number {
  return Math.max(1, ...splitLineUnits(text).map((unit) => unitWidth(unit)));
}

/** Latin letters and digits are about half as wide as a CJK character. */
function unitWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return width;
}

function rowLabelCells(grid: GridView): HeaderCellView[] {
  return grid.bodyRows.flatMap((row) => row.cells.filter((c): c is HeaderCellView => c.kind === "header"));
}

/**
 * Widths of the group levels of a stub (all but the last level): each as
 * narrow as its labels allow, about a quarter of the label per line and never
 * narrower than its widest unbreakable unit such as （三）.
 */
function groupLevelWidths(grid: GridView, options: ColumnWidthOptions): number[] {
  const groups = rowLabelCells(grid).filter((c) => c.scope === "rowgroup");
  const widths: number[] = [];
  for (let level = 0; level < grid.stubColumnCount - 1; level += 1) {
    const labels = groups.filter((c) => c.column === level).map((c) => c.text);
    const characters = Math.max(
      2,
      ...labels.map((t) => Math.max(Math.min(Math.ceil(graphemeLength(t) / 4), 4), widestUnit(t))),
    );
    // Half a character of slack: a label exactly as wide as the cell wraps early on rounding.
    widths.push((characters + 0.5) * options.fontSize + options.cellPadding);
  }
  return widths;
}

/** Preferred width of the leaf level: the longest leaf label on two lines (three in a wide table). */
function preferredLeafWidth(grid: GridView, options: ColumnWidthOptions): number {
  const valueColumns = grid.columnCount - grid.stubColumnCount;
  const leaves = rowLabelCells(grid).filter((c) => c.scope === "row" && c.colSpan === 1);
  const labels = leaves.length > 0 ? leaves : rowLabelCells(grid).filter((c) => c.scope === "row");
  const longest = Math.max(0, ...labels.map((c) => unitWidth(c.text)));
  const lines = valueColumns > 3 ? 3 : 2;
  return Math.ceil(longest / lines) * options.fontSize + options.cellPadding;
}

/** Preferred stub width of one grid, within the allowed share of the width. */
function preferredStubWidth(grid: GridView, options: ColumnWidthOptions): number {
  const groups = groupLevelWidths(grid, options).reduce((a, b) => a + b, 0);
  const wanted = groups + preferredLeafWidth(grid, options);
  return Math.min(Math.max(wanted, options.width * MIN_STUB_SHARE), options.width * MAX_STUB_SHARE);
}

/** Width of each stub level of a grid, given the stub's total width. */
function stubLevelWidths(grid: GridView, stubWidth: number, options: ColumnWidthOptions): number[] {
  const groups = groupLevelWidths(grid, options);
  const used = groups.reduce((a, b) => a + b, 0);
  const leaf = stubWidth - used;
  // The leaf level keeps at least 40% of the stub; group levels give way proportionally.
  if (leaf >= stubWidth * 0.4) return [...groups, leaf];
  const scale = (stubWidth * 0.6) / used;
  return [...groups.map((w) => w * scale), stubWidth * 0.4];
}

/** Widths of every column of every grid of a section, keyed by grid id. */
export function computeColumnWidths(section: TableSectionView, options: ColumnWidthOptions): Map<string, number[]> {
  const stubbed = section.grids.filter((g) => g.stubColumnCount > 0);
  const preferred = Math.max(0, ...stubbed.map((g) => preferredStubWidth(g, options)));
  const mostValueColumns = Math.max(0, ...stubbed.map((g) => g.columnCount - g.stubColumnCount));
  const stubWidth =
    options.minValueWidth === undefined || stubbed.length === 0
      ? preferred
      : Math.min(
          preferred,
          Math.max(options.width * MIN_STUB_SHARE, options.width - mostValueColumns * options.minValueWidth),
        );
  const out = new Map<string, number[]>();
  for (const grid of section.grids) {
    const valueColumns = grid.columnCount - grid.stubColumnCount;
    if (grid.stubColumnCount === 0) {
      out.set(
        grid.id,
        Array.from({ length: valueColumns }, () => options.width / valueColumns),
      );
      continue;
    }
    const valueWidth = (options.width - stubWidth) / valueColumns;
    out.set(grid.id, [
      ...stubLevelWidths(grid, stubWidth, options),
      ...Array.from({ length: valueColumns }, () => valueWidth),
    ]);
  }
  return out;
}
