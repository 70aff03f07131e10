/**
 * Small builders for layout files, so the repetitive parts of the template
 * (seven applicant columns, numbered sub-rows, five-column blocks) are
 * generated, not copy-pasted, and every layout is checked once at load.
 */
import type { CellDef, CellType, Grid, HeaderNode, Layout, LayoutRule, Section } from "./types";

/** A cell's type, and the unit and fixed decimals its column states (see CellDef). */
export interface CellFormat {
  readonly type: CellType;
  readonly unit?: string;
  readonly decimals?: number;
}

export function leaf(id: string, label: string): HeaderNode {
  return { id, label };
}

export function group(id: string, label: string, children: readonly HeaderNode[]): HeaderNode {
  return { id, label, children };
}

/** `1.属于国家秘密`-style sub-rows: ids `<prefix>_1…`, labels `1.<text>`. */
export function numberedRows(prefix: string, labels: readonly string[]): HeaderNode[] {
  return labels.map((label, i) => leaf(`${prefix}_${i + 1}`, `${i + 1}.${label}`));
}

/** Leaves of a header forest, left to right (columns) or top to bottom (rows). */
export function leafNodes(nodes: readonly HeaderNode[]): HeaderNode[] {
  const out: HeaderNode[] = [];
  const walk = (list: readonly HeaderNode[]): void => {
    for (const node of list) {
      if (node.children && node.children.length > 0) walk(node.children);
      else out.push(node);
    }
  };
  walk(nodes);
  return out;
}

/** Ids of the leaves under the node `groupId` (or the node itself if it is a leaf). */
export function leafIdsUnder(nodes: readonly HeaderNode[], groupId: string): string[] {
  const find = (list: readonly HeaderNode[]): HeaderNode | undefined => {
    for (const node of list) {
      if (node.id === groupId) return node;
      const inner = node.children ? find(node.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const node = find(nodes);
  if (!node) throw new Error(`layout: no header node "${groupId}"`);
  return leafNodes([node]).map((n) => n.id);
}

/** A grid as a layout file writes it: the cells are generated from the header trees. */
export interface GridSpec extends Omit<Grid, "cells"> {
  /** The cell id for a (leaf row, leaf column) pair; see README.md for the scheme. */
  readonly cellId: (row: string, column: string) => string;
  /** Defaults to a count. */
  readonly cellFormat?: (row: string, column: string) => CellFormat;
}

/** A grid whose cells are every (leaf row × leaf column) pair. */
export function defineGrid(spec: GridSpec): Grid {
  const cells: CellDef[] = [];
  for (const row of leafNodes(spec.rows)) {
    for (const column of leafNodes(spec.columns)) {
      const format = spec.cellFormat?.(row.id, column.id) ?? { type: "count" };
      cells.push({ id: spec.cellId(row.id, column.id), row: row.id, column: column.id, ...format });
    }
  }
  const grid: Grid = { id: spec.id, stubHeader: spec.stubHeader, columns: spec.columns, rows: spec.rows, cells };
  return spec.title === undefined ? grid : { ...grid, title: spec.title };
}

function gridsOf(sections: readonly Section[]): Grid[] {
  return sections.flatMap((s) => (s.kind === "table" ? [...s.grids] : []));
}

function assertRuleReferences(rule: LayoutRule, grids: ReadonlyMap<string, Grid>, cellIds: ReadonlySet<string>): void {
  const fail = (what: string): never => {
    throw new Error(`layout rule ${rule.id}: ${what}`);
  };
  if (rule.kind === "narrativeFigure") {
    for (const id of rule.cells) if (!cellIds.has(id)) fail(`unknown cell ${id}`);
    return;
  }
  const grid = grids.get(rule.grid) ?? fail(`unknown grid ${rule.grid}`);
  const rowIds = new Set(leafNodes(grid.rows).map((n) => n.id));
  const colIds = new Set(leafNodes(grid.columns).map((n) => n.id));
  const needRows = (ids: readonly string[]): void => {
    for (const id of ids) if (!rowIds.has(id)) fail(`unknown row ${id}`);
  };
  const needCols = (ids: readonly string[]): void => {
    for (const id of ids) if (!colIds.has(id)) fail(`unknown column ${id}`);
  };
  switch (rule.kind) {
    case "sumRows":
      return needRows([rule.target, ...rule.of]);
    case "sumColumns":
      return needCols([rule.target, ...rule.of]);
    case "balance":
      return needRows([...rule.left, ...rule.right]);
    case "carryOver":
      return needRows([rule.from, rule.to]);
    case "stockBound":
      needRows(rule.rows);
      return needCols([rule.stock, rule.added]);
  }
}

/** Every trend figure names a declared chart, a grid and header nodes of it, once per key. */
function assertTrendFigures(spec: Layout, grids: ReadonlyMap<string, Grid>): void {
  const charts = new Set(spec.trendCharts.map((chart) => chart.id));
  const keys = new Set<string>();
  for (const figure of spec.trendFigures) {
    const fail = (what: string): never => {
      throw new Error(`layout ${spec.id} trend figure ${figure.key}: ${what}`);
    };
    if (keys.has(figure.key)) fail("duplicate key");
    keys.add(figure.key);
    if (!charts.has(figure.chart)) fail(`unknown chart ${figure.chart}`);
    const grid = grids.get(figure.grid) ?? fail(`unknown grid ${figure.grid}`);
    if (figure.rows.length === 0 || figure.columns.length === 0) fail("no rows or no columns");
    // leafIdsUnder throws on a header node the grid does not have.
    for (const row of figure.rows) leafIdsUnder(grid.rows, row);
    for (const column of figure.columns) leafIdsUnder(grid.columns, column);
  }
}

/**
 * Assemble a layout: check that ids are unique, that every rule refers to existing rows,
 * columns and cells, and that the 统计期限 fields exist. Throws at module load, so a broken
 * layout never reaches a user. What the rules make of the cells (which are totals, of what)
 * is decided once, in compileLayout.
 */
export function defineLayout(spec: Layout): Layout {
  const grids = new Map<string, Grid>();
  const cellIds = new Set<string>();
  for (const grid of gridsOf(spec.sections)) {
    if (grids.has(grid.id)) throw new Error(`layout ${spec.id}: duplicate grid ${grid.id}`);
    grids.set(grid.id, grid);
    for (const cell of grid.cells) {
      if (cellIds.has(cell.id)) throw new Error(`layout ${spec.id}: duplicate cell ${cell.id}`);
      cellIds.add(cell.id);
    }
  }
  const ruleIds = new Set<string>();
  for (const rule of spec.rules) {
    if (ruleIds.has(rule.id)) throw new Error(`layout ${spec.id}: duplicate rule ${rule.id}`);
    ruleIds.add(rule.id);
    assertRuleReferences(rule, grids, cellIds);
  }
  const narrativeIds = new Set<string>([spec.preamble.id]);
  for (const s of spec.sections) {
    if (s.kind !== "narrative") continue;
    for (const id of [s.id, ...s.parts.map((p) => p.id)]) {
      if (narrativeIds.has(id)) throw new Error(`layout ${spec.id}: duplicate narrative ${id}`);
      narrativeIds.add(id);
    }
  }
  for (const id of spec.periodSentenceFields) {
    if (!narrativeIds.has(id)) throw new Error(`layout ${spec.id}: 统计期限 field ${id} is not a narrative field`);
  }
  for (const id of spec.commonlyEmptyTables ?? []) {
    if (!spec.sections.some((s) => s.kind === "table" && s.id === id))
      throw new Error(`layout ${spec.id}: commonly empty table ${id} is not a table`);
  }
  assertTrendFigures(spec, grids);
  return spec;
}
