/**
 * One table section (二, 三 or 四) as react-pdf Views. react-pdf has no
 * table element and no colspan/rowspan, so:
 *
 * - Merged column headers are nested flex Views: a group header sits above a
 *   row of its children, each as wide as the leaf columns it covers; leaves
 *   stretch to the bottom of the header, so heights come out right without
 *   measuring text.
 * - Body rows are flat, unsplittable rows. A row label spanning several rows
 *   (三、本年度办理结果, （三）不予公开) is drawn as one tall cell by leaving out
 *   the horizontal rules between its slots; its text is positioned
 *   absolutely in its first row so it does not stretch that row, centred in
 *   the estimated height of the group when the group is short enough to stay
 *   on one page, at its top otherwise.
 * - The header (block title and header rows) is `fixed` inside the grid's
 *   own View, so react-pdf repeats it on every page the grid continues on,
 *   and only there. Short grids are kept whole on one page.
 *
 * Borders: the grid View draws the top and left rules, every cell its right
 * and bottom rule, so shared edges are drawn once.
 */
import { Text, View } from "@react-pdf/renderer";
import type { Styles } from "@react-pdf/renderer";
import type { GridView, HeaderCellView, TableSectionView } from "../to-report-view";
import { toGridSlots } from "../to-grid-slots";
import type { GridSlot } from "../to-grid-slots";
import { computeColumnWidths } from "./compute-column-widths";

export interface PdfTableMetrics {
  /** Width of the text block, in points. */
  readonly width: number;
  readonly fontSize: number;
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
  readonly fontFamily: string;
}

interface TableContext {
  readonly metrics: PdfTableMetrics;
  readonly print: (text: string) => string;
}

type Style = Styles[string];

const RULE = 0.75;
const PAD_X = 2.5;
const PAD_Y = 2.5;
/** Grids with at most this many rows are never split across pages. */
const KEEP_WHOLE_ROWS = 8;
/** Rows of a row group kept with its label when the page ends: the label's height plus some air. */
const GROUP_PRESENCE_EXTRA = 6;
/**
 * Row groups up to this estimated height are kept on one page with their
 * label centred; taller ones (三、本年度办理结果, （三）不予公开) may cross a page,
 * so their label goes to the top and only its own lines are kept together.
 * Keeping tall groups whole left half-empty pages.
 */
const MAX_CENTRED_GROUP_HEIGHT = 130;

function sumWidths(widths: readonly number[], from: number, span: number): number {
  let total = 0;
  for (let i = from; i < from + span; i += 1) total += widths[i] ?? 0;
  return total;
}

/** Width of a text in em: CJK characters 1, Latin letters and digits about 0.55. */
function textEm(text: string): number {
  let em = 0;
  for (const char of text) em += char.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return em;
}

/** Estimated number of lines of `text` in a cell `width` points wide. */
function estimateLines(text: string, width: number, fontSize: number): number {
  const perLine = Math.max(1, Math.floor((width - 2 * PAD_X) / fontSize));
  return Math.max(1, Math.ceil(textEm(text) / perLine));
}

interface HeaderTreeNode {
  readonly cell: HeaderCellView;
  readonly children: readonly HeaderTreeNode[];
}

/** Rebuild the column header tree from the view's header rows and spans. */
function headerTree(grid: GridView): HeaderTreeNode[] {
  const build = (rowIndex: number, from: number, to: number): HeaderTreeNode[] => {
    const row = grid.headerRows[rowIndex] ?? [];
    return row
      .filter((cell) => cell.column >= from && cell.column + cell.colSpan <= to)
      .map((cell) => {
        const below = rowIndex + cell.rowSpan;
        const children = below < grid.headerRows.length ? build(below, cell.column, cell.column + cell.colSpan) : [];
        return { cell, children };
      });
  };
  return build(0, 0, grid.columnCount);
}

function createStyles(metrics: PdfTableMetrics) {
  const text: Style = {
    fontFamily: metrics.fontFamily,
    fontSize: metrics.fontSize,
    lineHeight: metrics.lineHeight,
  };
  return {
    // The top rule belongs to the (repeated) header, not the grid: react-pdf
    // drops a split View's top border on the continuation page.
    grid: { borderLeftWidth: RULE, borderColor: "#000", borderStyle: "solid" } as Style,
    gridAfter: { marginBottom: metrics.fontSize } as Style,
    header: { borderTopWidth: RULE, borderColor: "#000", borderStyle: "solid" } as Style,
    cell: {
      borderRightWidth: RULE,
      borderBottomWidth: RULE,
      borderColor: "#000",
      borderStyle: "solid",
      paddingVertical: PAD_Y,
      paddingHorizontal: PAD_X,
      justifyContent: "center",
    } as Style,
    headerText: { ...text, fontWeight: 700, textAlign: "center" } as Style,
    titleText: { ...text, fontWeight: 700, textAlign: "center" } as Style,
    rowLabelText: { ...text, textAlign: "left" } as Style,
    groupLabelText: { ...text, textAlign: "center" } as Style,
    valueText: { ...text, textAlign: "center" } as Style,
    row: { flexDirection: "row" } as Style,
  };
}

type TableStyles = ReturnType<typeof createStyles>;

function HeaderNodes({
  nodes,
  widths,
  styles,
  context,
}: {
  readonly nodes: readonly HeaderTreeNode[];
  readonly widths: readonly number[];
  readonly styles: TableStyles;
  readonly context: TableContext;
}) {
  return (
    <View style={{ flexDirection: "row", flexGrow: 1 }}>
      {nodes.map((node) => (
        <View
          key={node.cell.key}
          style={{ width: sumWidths(widths, node.cell.column, node.cell.colSpan), flexDirection: "column" }}
        >
          <View style={node.children.length === 0 ? [styles.cell, { flexGrow: 1 }] : styles.cell}>
            <Text style={styles.headerText}>{context.print(node.cell.text)}</Text>
          </View>
          {node.children.length > 0 ? (
            <HeaderNodes nodes={node.children} widths={widths} styles={styles} context={context} />
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** Estimated height of every body row, from the cells that start in it and span one row. */
function estimateRowHeights(grid: GridView, widths: readonly number[], metrics: PdfTableMetrics): number[] {
  const line = metrics.fontSize * metrics.lineHeight;
  return grid.bodyRows.map((row) => {
    let lines = 1;
    for (const cell of row.cells) {
      if (cell.kind === "header" && cell.rowSpan > 1) continue;
      const span = cell.kind === "header" ? cell.colSpan : 1;
      lines = Math.max(lines, estimateLines(cell.text, sumWidths(widths, cell.column, span), metrics.fontSize));
    }
    return lines * line + 2 * PAD_Y + RULE;
  });
}

function valueFontSize(text: string, width: number, fontSize: number): number {
  const needed = textEm(text) * fontSize;
  const available = width - 2 * PAD_X;
  return needed <= available ? fontSize : Math.max(5, Math.floor((available / textEm(text)) * 10) / 10);
}

function BodyRow({
  grid,
  slots,
  rowIndex,
  widths,
  rowHeights,
  styles,
  context,
}: {
  readonly grid: GridView;
  readonly slots: readonly (GridSlot | null)[];
  readonly rowIndex: number;
  readonly widths: readonly number[];
  readonly rowHeights: readonly number[];
  readonly styles: TableStyles;
  readonly context: TableContext;
}) {
  const { metrics, print } = context;
  const bodyIndex = rowIndex - grid.headerRows.length;
  const cells: React.ReactElement[] = [];
  let presence = 0;
  for (let column = 0; column < grid.columnCount; column += 1) {
    const slot = slots[column];
    if (!slot || slot.originColumn !== column) continue;
    const { cell } = slot;
    const span = cell.kind === "header" ? cell.colSpan : 1;
    const rowSpan = cell.kind === "header" ? cell.rowSpan : 1;
    const width = sumWidths(widths, column, span);
    const isOrigin = slot.originRow === rowIndex;
    const isLastRow = slot.originRow + rowSpan - 1 === rowIndex;
    const key = `${column}`;
    const style: Style[] = [styles.cell, { width }];
    if (!isLastRow) style.push({ borderBottomWidth: 0 });
    if (cell.kind === "value") {
      cells.push(
        <View key={key} style={style}>
          <Text style={[styles.valueText, { fontSize: valueFontSize(cell.text, width, metrics.fontSize) }]}>
            {cell.text}
          </Text>
        </View>,
      );
    } else if (rowSpan === 1) {
      cells.push(
        <View key={key} style={style}>
          <Text style={cell.scope === "row" ? styles.rowLabelText : styles.groupLabelText}>{print(cell.text)}</Text>
        </View>,
      );
    } else if (!isOrigin) {
      cells.push(<View key={key} style={style} />);
    } else {
      // A label spanning rows: laid out outside the flow so it does not stretch its first row.
      const labelHeight = estimateLines(cell.text, width, metrics.fontSize) * metrics.fontSize * metrics.lineHeight;
      const groupHeight = rowHeights.slice(bodyIndex, bodyIndex + rowSpan).reduce((a, b) => a + b, 0);
      const top = groupHeight <= MAX_CENTRED_GROUP_HEIGHT ? Math.max(PAD_Y, (groupHeight - labelHeight) / 2) : PAD_Y;
      // minPresenceAhead counts from the end of this row: keep what the label overhangs below it.
      const overhang = Math.min(groupHeight, top + labelHeight + GROUP_PRESENCE_EXTRA) - (rowHeights[bodyIndex] ?? 0);
      presence = Math.max(presence, overhang);
      cells.push(
        <View key={key} style={style}>
          <Text style={[styles.groupLabelText, { position: "absolute", top, left: PAD_X, right: PAD_X }]}>
            {print(cell.text)}
          </Text>
        </View>,
      );
    }
  }
  return (
    <View style={styles.row} wrap={false} minPresenceAhead={presence > 0 ? presence : undefined}>
      {cells}
    </View>
  );
}

function PdfGrid({
  grid,
  widths,
  isFirst,
  isLast,
  styles,
  context,
}: {
  readonly grid: GridView;
  readonly widths: readonly number[];
  readonly isFirst: boolean;
  readonly isLast: boolean;
  readonly styles: TableStyles;
  readonly context: TableContext;
}) {
  const { slots } = toGridSlots(grid);
  const rowHeights = estimateRowHeights(grid, widths, context.metrics);
  const keepWhole = grid.bodyRows.length <= KEEP_WHOLE_ROWS;
  return (
    // Blocks of one section (table 二) are stacked as one table: each block's
    // top rule overlaps the previous block's bottom rule instead of doubling it.
    <View
      style={[styles.grid, ...(isFirst ? [] : [{ marginTop: -RULE }]), ...(isLast ? [styles.gridAfter] : [])]}
      wrap={!keepWhole}
    >
      <View style={styles.header} fixed minPresenceAhead={rowHeights[0] ?? 0}>
        {grid.title === null ? null : (
          <View style={styles.cell}>
            <Text style={styles.titleText}>{context.print(grid.title)}</Text>
          </View>
        )}
        <HeaderNodes nodes={headerTree(grid)} widths={widths} styles={styles} context={context} />
      </View>
      {grid.bodyRows.map((row, i) => {
        const rowIndex = grid.headerRows.length + i;
        return (
          <BodyRow
            key={row.id}
            grid={grid}
            slots={slots[rowIndex] ?? []}
            rowIndex={rowIndex}
            widths={widths}
            rowHeights={rowHeights}
            styles={styles}
            context={context}
          />
        );
      })}
    </View>
  );
}

export function PdfTableSection({
  section,
  metrics,
  print,
}: {
  readonly section: TableSectionView;
  readonly metrics: PdfTableMetrics;
  readonly print: (text: string) => string;
}) {
  const styles = createStyles(metrics);
  const widths = computeColumnWidths(section, {
    width: metrics.width,
    fontSize: metrics.fontSize,
    cellPadding: 2 * PAD_X + RULE,
  });
  const context: TableContext = { metrics, print };
  return (
    <>
      {section.grids.map((grid, i) => (
        <PdfGrid
          key={grid.id}
          grid={grid}
          widths={widths.get(grid.id) ?? []}
          isFirst={i === 0}
          isLast={i === section.grids.length - 1}
          styles={styles}
          context={context}
        />
      ))}
    </>
  );
}
