/**
 * A layout compiled once into what its readers ask of it: the form, the importer, the
 * renderers, the value schemas and the rule engine all read cells, totals and narrative
 * fields from here instead of walking the header trees or indexing (row, column) pairs
 * themselves. Cached per layout object; pure and universal.
 */
import { leafNodes } from "./define-layout";
import { memoizeByLayout } from "./memoize-by-layout";
import type {
  CellDef,
  CellId,
  CellType,
  Grid,
  HeaderNode,
  Layout,
  LayoutRule,
  NarrativeId,
  TableId,
  TableSection,
} from "./types";

/** A total: a cell the layout's sum rules compute from other cells. */
export interface CellTotal {
  /**
   * Every rule that targets the cell (（七）总计·总计 is the sum of its row and of its column);
   * the total follows the first one's operands.
   */
  readonly ruleIds: readonly string[];
  /** The cells that rule sums, which may be totals themselves. */
  readonly operands: readonly CellId[];
  /** The same sum expanded down to cells the clerk types, each with how often it counts. */
  readonly inputs: readonly CellId[];
  readonly weights: readonly number[];
}

export interface LayoutCell extends CellDef {
  /** Position in reading order (table, grid, row, column). */
  readonly index: number;
  readonly tableId: TableId;
  readonly gridId: string;
  /** Labels from the top of the row header tree to the leaf ([''] for table 四's single row). */
  readonly rowPath: readonly string[];
  /** Labels from the top of the column header tree to the leaf. */
  readonly columnPath: readonly string[];
  /** Label of the leaf row, e.g. （七）总计 ('' for table 四's single row). */
  readonly rowLabel: string;
  /** Label of the leaf column, e.g. 自然人. */
  readonly columnLabel: string;
  /** Row name for messages: the leaf, with its group for numbered sub-rows (（三）不予公开·1.属于国家秘密). */
  readonly rowName: string;
  /** Column name for messages: the leaf, or its whole path where the grid prints no row labels (行政诉讼·复议后起诉·总计). */
  readonly columnName: string;
  /** Short human name for messages: row name · column name. */
  readonly label: string;
  /** What the cell sums, when it is a total; null for a cell the clerk types. */
  readonly total: CellTotal | null;
}

/** A cell that is a total. */
export type ComputedCell = LayoutCell & { readonly total: CellTotal };

export interface NarrativeField {
  readonly id: NarrativeId;
  /** Heading as printed (一、总体情况, （一）主动公开) or 前言 for the preamble. */
  readonly heading: string;
  readonly required: boolean;
  /** The section the field belongs to ('preamble' for the opening paragraph). */
  readonly sectionId: NarrativeId;
}

export interface CompiledGrid {
  readonly grid: Grid;
  /** The table the grid belongs to. */
  readonly section: TableSection;
  /** Leaf rows, top to bottom. */
  readonly rows: readonly HeaderNode[];
  row(id: string): HeaderNode | undefined;
  /** The cells of a leaf row, left to right. */
  rowCells(row: string): readonly LayoutCell[];
  /** Leaf columns, left to right. */
  readonly columns: readonly HeaderNode[];
  column(id: string): HeaderNode | undefined;
  /** The grid's cells in reading order. */
  readonly cells: readonly LayoutCell[];
  cellAt(row: string, column: string): LayoutCell | undefined;
  /** The cell's position in `CompiledLayout.cells`, or -1 where the pair has no cell. */
  indexAt(row: string, column: string): number;
}

export interface CompiledLayout {
  readonly layout: Layout;
  /** Every cell in reading order. */
  readonly cells: readonly LayoutCell[];
  /** `types[i]` is `cells[i].type`, for loops that read nothing else. */
  readonly types: readonly CellType[];
  readonly indexOf: ReadonlyMap<CellId, number>;
  cell(id: string): LayoutCell | undefined;
  readonly grids: readonly CompiledGrid[];
  /** The grid a rule or a form step names; layouts are checked at load, so absence throws. */
  grid(gridId: string): CompiledGrid;
  cellAt(gridId: string, row: string, column: string): LayoutCell | undefined;
  /** The cells that are totals, in reading order. */
  readonly totals: readonly ComputedCell[];
  /** The cells the clerk types (every cell that is not a total), in reading order. */
  readonly inputCells: readonly LayoutCell[];
  /** Every free-text field in reading order, preamble first. */
  readonly narrativeFields: readonly NarrativeField[];
  narrativeField(id: string): NarrativeField | undefined;
  /** Where the 统计期限 sentence is stated (Layout.periodSentenceFields), in that order. */
  readonly periodSentenceFields: readonly NarrativeField[];
}

/** Path of labels from the root to each leaf, keyed by leaf id. */
function leafPaths(nodes: readonly HeaderNode[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (list: readonly HeaderNode[], path: string[]): void => {
    for (const node of list) {
      const here = [...path, node.label];
      if (node.children && node.children.length > 0) walk(node.children, here);
      else out.set(node.id, here);
    }
  };
  walk(nodes, []);
  return out;
}

/**
 * Row part of a cell label: the leaf, prefixed by its group when the leaf is a numbered
 * sub-row (“（三）不予公开·1.属于国家秘密”), since “1.” alone is ambiguous.
 */
function rowName(path: readonly string[]): string {
  const last = path[path.length - 1] ?? "";
  const parent = path[path.length - 2];
  return parent !== undefined && /^\d+\./.test(last) ? `${parent}·${last}` : last;
}

/**
 * Column part: the leaf, or its whole path in a grid without row labels. Table 四 needs
 * every level (行政诉讼·未经复议直接起诉·总计); table 三's 申请人情况/法人或其他组织 add
 * nothing to a leaf like 商业企业.
 */
function columnName(path: readonly string[], grid: Grid): string {
  return grid.stubHeader === null ? path.join("·") : (path[path.length - 1] ?? "");
}

const pairKey = (row: string, column: string): string => `${row}\u0000${column}`;

/** The direct operands of every cell a sum rule targets, from the first rule that targets it. */
function directTotals(
  rules: readonly LayoutRule[],
  gridOf: (id: string) => CompiledGrid,
): Map<CellId, { ruleIds: string[]; operands: CellId[] }> {
  const direct = new Map<CellId, { ruleIds: string[]; operands: CellId[] }>();
  for (const rule of rules) {
    if (rule.kind !== "sumRows" && rule.kind !== "sumColumns") continue;
    const grid = gridOf(rule.grid);
    for (const cell of grid.cells) {
      const isTarget = rule.kind === "sumRows" ? cell.row === rule.target : cell.column === rule.target;
      if (!isTarget) continue;
      const known = direct.get(cell.id);
      if (known) {
        known.ruleIds.push(rule.id);
        continue;
      }
      const operands = rule.of.flatMap((part) => {
        const operand = rule.kind === "sumRows" ? grid.cellAt(part, cell.column) : grid.cellAt(cell.row, part);
        return operand ? [operand.id] : [];
      });
      direct.set(cell.id, { ruleIds: [rule.id], operands });
    }
  }
  return direct;
}

/** Each total expanded down to the cells the clerk types, with weights (a cell counted twice weighs 2). */
function expandTotals(direct: ReadonlyMap<CellId, { ruleIds: string[]; operands: CellId[] }>): Map<CellId, CellTotal> {
  const expanded = new Map<CellId, Map<CellId, number>>();
  const expand = (id: CellId, seen: ReadonlySet<CellId>): Map<CellId, number> => {
    const done = expanded.get(id);
    if (done) return done;
    const entry = direct.get(id);
    const out = new Map<CellId, number>();
    if (!entry) return out;
    if (seen.has(id)) throw new Error(`layout totals: ${id} depends on itself`);
    const inner = new Set(seen).add(id);
    for (const operand of entry.operands) {
      if (direct.has(operand)) {
        for (const [input, weight] of expand(operand, inner)) out.set(input, (out.get(input) ?? 0) + weight);
      } else {
        out.set(operand, (out.get(operand) ?? 0) + 1);
      }
    }
    expanded.set(id, out);
    return out;
  };
  const totals = new Map<CellId, CellTotal>();
  for (const [id, entry] of direct) {
    const inputs = expand(id, new Set());
    totals.set(id, {
      ruleIds: entry.ruleIds,
      operands: entry.operands,
      inputs: [...inputs.keys()],
      weights: [...inputs.values()],
    });
  }
  return totals;
}

function listNarrativeFields(layout: Layout): NarrativeField[] {
  const fields: NarrativeField[] = [
    {
      id: layout.preamble.id,
      heading: layout.preamble.label,
      required: layout.preamble.required,
      sectionId: "preamble",
    },
  ];
  for (const section of layout.sections) {
    if (section.kind !== "narrative") continue;
    fields.push({ id: section.id, heading: section.heading, required: section.required, sectionId: section.id });
    for (const part of section.parts) {
      fields.push({ id: part.id, heading: part.heading, required: part.required, sectionId: section.id });
    }
  }
  return fields;
}

type MutableCell = { -readonly [K in keyof LayoutCell]: LayoutCell[K] };

/** A compiled grid and its cells, still open for `total`, which needs every grid's (row, column) index. */
function buildGrid(
  section: TableSection,
  grid: Grid,
  firstIndex: number,
): { readonly compiled: CompiledGrid; readonly cells: MutableCell[] } {
  const rowPaths = leafPaths(grid.rows);
  const columnPaths = leafPaths(grid.columns);
  const cells = grid.cells.map((cell, i): MutableCell => {
    const rowPath = rowPaths.get(cell.row) ?? [];
    const columnPath = columnPaths.get(cell.column) ?? [];
    const row = rowName(rowPath);
    const column = columnName(columnPath, grid);
    return {
      ...cell,
      index: firstIndex + i,
      tableId: section.id,
      gridId: grid.id,
      rowPath,
      columnPath,
      rowLabel: rowPath[rowPath.length - 1] ?? "",
      columnLabel: columnPath[columnPath.length - 1] ?? "",
      rowName: row,
      columnName: column,
      label: row === "" ? column : `${row}·${column}`,
      total: null,
    };
  });
  const rows = leafNodes(grid.rows);
  const columns = leafNodes(grid.columns);
  const at = new Map(cells.map((cell) => [pairKey(cell.row, cell.column), cell]));
  const byRow = new Map(rows.map((row) => [row.id, cells.filter((cell) => cell.row === row.id)]));
  const rowById = new Map(rows.map((node) => [node.id, node]));
  const columnById = new Map(columns.map((node) => [node.id, node]));
  const compiled: CompiledGrid = {
    grid,
    section,
    rows,
    row: (id) => rowById.get(id),
    rowCells: (row) => byRow.get(row) ?? [],
    columns,
    column: (id) => columnById.get(id),
    cells,
    cellAt: (row, column) => at.get(pairKey(row, column)),
    indexAt: (row, column) => at.get(pairKey(row, column))?.index ?? -1,
  };
  return { compiled, cells };
}

function build(layout: Layout): CompiledLayout {
  const grids: CompiledGrid[] = [];
  const cells: MutableCell[] = [];
  for (const section of layout.sections) {
    if (section.kind !== "table") continue;
    for (const grid of section.grids) {
      const built = buildGrid(section, grid, cells.length);
      grids.push(built.compiled);
      cells.push(...built.cells);
    }
  }
  const gridById = new Map(grids.map((g) => [g.grid.id, g]));
  const gridOf = (gridId: string): CompiledGrid => {
    const grid = gridById.get(gridId);
    if (!grid) throw new Error(`layout ${layout.id} has no grid ${gridId}`);
    return grid;
  };
  const totals = expandTotals(directTotals(layout.rules, gridOf));
  for (const cell of cells) cell.total = totals.get(cell.id) ?? null;
  const byId = new Map<string, LayoutCell>(cells.map((cell) => [cell.id, cell]));
  const narrativeFields = listNarrativeFields(layout);
  const narrativeById = new Map<string, NarrativeField>(narrativeFields.map((f) => [f.id, f]));
  return {
    layout,
    cells,
    types: cells.map((cell) => cell.type),
    indexOf: new Map(cells.map((cell) => [cell.id, cell.index])),
    cell: (id) => byId.get(id),
    grids,
    grid: gridOf,
    cellAt: (gridId, row, column) => gridById.get(gridId)?.cellAt(row, column),
    totals: cells.filter((cell): cell is ComputedCell => cell.total !== null),
    inputCells: cells.filter((cell) => cell.total === null),
    narrativeFields,
    narrativeField: (id) => narrativeById.get(id),
    periodSentenceFields: layout.periodSentenceFields.flatMap((id) => narrativeById.get(id) ?? []),
  };
}

export const compileLayout: (layout: Layout) => CompiledLayout = memoizeByLayout(build);
