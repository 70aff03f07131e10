/**
 * Flat views of a layout, derived once per layout object and cached: the
 * form, the importer, the renderers, the schemas and the rule engine all
 * read cells and narrative fields from here instead of walking trees.
 */
import { leafNodes } from "./define-layout";
import type { CellDef, CellType, Grid, HeaderNode, Layout, NarrativeId, TableId } from "./types";

export interface LayoutCell extends CellDef {
  readonly tableId: TableId;
  readonly gridId: string;
  /** Label of the leaf row, e.g. （七）总计 ('' for table 四's single row). */
  readonly rowLabel: string;
  /** Label of the leaf column, e.g. 自然人. */
  readonly columnLabel: string;
  /** Row name for messages: the leaf, with its group for numbered sub-rows (（三）不予公开·1.属于国家秘密). */
  readonly rowName: string;
  /**
   * Short human name for messages: row · column, with the header groups a
   * leaf label alone would leave ambiguous (表四 blocks, 表三 sub-rows).
   */
  readonly label: string;
}

export interface NarrativeField {
  readonly id: NarrativeId;
  /** Heading as printed (一、总体情况, （一）主动公开) or 前言 for the preamble. */
  readonly heading: string;
  readonly required: boolean;
  /** The section the field belongs to ('preamble' for the opening paragraph). */
  readonly sectionId: NarrativeId;
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
 * Row part of a cell label: the leaf, prefixed by its group when the leaf is
 * a numbered sub-row (“（三）不予公开·1.属于国家秘密”), since “1.” alone is ambiguous.
 */
function rowName(path: readonly string[]): string {
  const last = path[path.length - 1] ?? "";
  const parent = path[path.length - 2];
  return parent !== undefined && /^\d+\./.test(last) ? `${parent}·${last}` : last;
}

/** Column part: the leaf under its groups below the top-level 申请人情况 umbrella. */
function columnName(path: readonly string[], tableId: TableId): string {
  // Table 四 needs every level (行政诉讼·未经复议直接起诉·总计); table 三's
  // 申请人情况/法人或其他组织 add nothing to a leaf like 商业企业.
  return tableId === "t4" ? path.join("·") : (path[path.length - 1] ?? "");
}

const cellCache = new WeakMap<Layout, readonly LayoutCell[]>();

/** Every cell of the layout, in reading order (table, grid, row, column). */
export function listCells(layout: Layout): readonly LayoutCell[] {
  const cached = cellCache.get(layout);
  if (cached) return cached;
  const cells: LayoutCell[] = [];
  for (const section of layout.sections) {
    if (section.kind !== "table") continue;
    for (const grid of section.grids) {
      const rows = leafPaths(grid.rows);
      const cols = leafPaths(grid.columns);
      for (const cell of grid.cells) {
        const rowPath = rows.get(cell.row) ?? [];
        const colPath = cols.get(cell.column) ?? [];
        const row = rowName(rowPath);
        const column = columnName(colPath, section.id);
        cells.push({
          ...cell,
          tableId: section.id,
          gridId: grid.id,
          rowLabel: rowPath[rowPath.length - 1] ?? "",
          columnLabel: colPath[colPath.length - 1] ?? "",
          rowName: row,
          label: row === "" ? column : `${row}·${column}`,
        });
      }
    }
  }
  cellCache.set(layout, cells);
  return cells;
}

const cellIndexCache = new WeakMap<Layout, ReadonlyMap<string, LayoutCell>>();

export function cellsById(layout: Layout): ReadonlyMap<string, LayoutCell> {
  const cached = cellIndexCache.get(layout);
  if (cached) return cached;
  const map = new Map(listCells(layout).map((c) => [c.id, c]));
  cellIndexCache.set(layout, map);
  return map;
}

export function getCell(layout: Layout, id: string): LayoutCell | undefined {
  return cellsById(layout).get(id);
}

export function cellTypeOf(layout: Layout, id: string): CellType | undefined {
  return getCell(layout, id)?.type;
}

const narrativeCache = new WeakMap<Layout, readonly NarrativeField[]>();

/** Every free-text field of the layout in reading order, preamble first. */
export function listNarrativeFields(layout: Layout): readonly NarrativeField[] {
  const cached = narrativeCache.get(layout);
  if (cached) return cached;
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
  narrativeCache.set(layout, fields);
  return fields;
}

/** A grid of one of the layout's tables, by its id. */
export function findGrid(layout: Layout, gridId: string): Grid | undefined {
  for (const section of layout.sections) {
    if (section.kind !== "table") continue;
    const grid = section.grids.find((g) => g.id === gridId);
    if (grid) return grid;
  }
  return undefined;
}

/** Leaf rows and columns of a grid, in order. */
export function gridLeaves(layout: Layout, gridId: string): { rows: HeaderNode[]; columns: HeaderNode[] } | undefined {
  const grid = findGrid(layout, gridId);
  return grid && { rows: leafNodes(grid.rows), columns: leafNodes(grid.columns) };
}
