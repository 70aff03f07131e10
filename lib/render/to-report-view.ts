/**
 * The one view model every published format is rendered from: HTML, PDF,
 * CSV, JSON and DOCX take a `ReportView` and do no data access and no
 * template walking of their own, so they cannot disagree on a figure. Universal code: no Node
 * or browser API, so the authoring preview can build the same view.
 *
 * Decisions documented here because every format inherits them:
 * - A missing figure (null/absent) prints as "—" (`MISSING_VALUE_TEXT`) and
 *   keeps `value: null`; it is never printed as 0 and never left blank,
 *   so a reader can tell "not reported" from a cell lost in rendering.
 * - Counts print as plain integers, money in 万元 with the decimals the
 *   layout fixes for the cell (保留4位小数 → 0.0000) or else its shortest form.
 * - Narrative text is kept verbatim except that it is split into paragraphs
 *   at line breaks and each paragraph's leading/trailing whitespace (the
 *   authors' 　　 indents included) is dropped; renderers indent themselves.
 *   Nothing is invented: a blank preamble or section prints no text.
 */
import { formatCellValue } from "@/lib/format/format-cell-value";
import { formatDateZh } from "@/lib/format/format-date-zh";
import type { ReportData } from "@/lib/report-data";
import { compileLayout, leafNodes, reportTitle } from "@/lib/template";
import type {
  CellType,
  CompiledGrid,
  CompiledLayout,
  HeaderNode,
  Layout,
  LayoutId,
  NarrativeId,
  SectionNumber,
  TableId,
  TableSection,
} from "@/lib/template";

export interface ReportViewOptions {
  readonly organizationName: string;
  readonly year: number;
  /** When the report was (or will be) published; a Date or ISO string. */
  readonly publishedAt?: Date | string | null;
  /**
   * 成文日期, the date the signature carries (YYYY-MM-DD, or a Date read as the
   * calendar day in China). Without it the signature falls back to the
   * publication day.
   */
  readonly documentDate?: Date | string | null;
  /** Why this published version replaces the previous one (更正说明). */
  readonly correctionNote?: string | null;
  /** Published version number, 1 for the first publication. */
  readonly version?: number | null;
}

/**
 * A header cell: column headers (`col`/`colgroup`), row labels
 * (`row`/`rowgroup`) and the stub corner above the row labels (`col`).
 */
export interface HeaderCellView {
  readonly kind: "header";
  /**
   * Unique within the grid: `stub`, `col:<node id>` or `row:<node id>`.
   * Value cells list the keys of their headers in `headerKeys`.
   */
  readonly key: string;
  readonly text: string;
  /** First grid column the cell covers (0-based, stub columns included). */
  readonly column: number;
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly scope: "col" | "colgroup" | "row" | "rowgroup";
  /** Depth in its header tree (1 = top level); 0 for the stub corner. */
  readonly level: number;
}

export interface ValueCellView {
  readonly kind: "value";
  /** The layout's stable cell id, e.g. t3.r3_7.total. */
  readonly cellId: string;
  /** The figure as printed. */
  readonly text: string;
  readonly value: number | null;
  readonly type: CellType;
  /** A total the rules compute (（七）总计, 总计 column). */
  readonly isComputed: boolean;
  readonly column: number;
  /** Labels from the top of the row header tree to the leaf ([''] for table 四). */
  readonly rowPath: readonly string[];
  /** Labels from the top of the column header tree to the leaf. */
  readonly columnPath: readonly string[];
  /** `key`s of every header cell that describes this cell, columns first. */
  readonly headerKeys: readonly string[];
}

export type BodyCellView = HeaderCellView | ValueCellView;

export interface BodyRowView {
  /** Leaf row id of the grid. */
  readonly id: string;
  readonly cells: readonly BodyCellView[];
}

export interface GridView {
  readonly id: string;
  /** Block title printed above the grid (第二十条第（一）项), or null. */
  readonly title: string | null;
  /** Accessible name of the table: the block title, else the section heading. */
  readonly caption: string;
  /** Width of the grid in columns, row-label columns included. */
  readonly columnCount: number;
  /** Row-label columns at the left (0 when the grid prints no row labels). */
  readonly stubColumnCount: number;
  /** Header rows, top to bottom; each lists the cells that start in it. */
  readonly headerRows: readonly (readonly HeaderCellView[])[];
  readonly bodyRows: readonly BodyRowView[];
}

export interface TableSectionView {
  readonly kind: "table";
  readonly id: TableId;
  readonly number: SectionNumber;
  readonly heading: string;
  readonly grids: readonly GridView[];
}

export interface NarrativeBlockView {
  readonly id: NarrativeId;
  readonly paragraphs: readonly string[];
}

export interface NarrativePartView extends NarrativeBlockView {
  readonly heading: string;
}

export interface NarrativeSectionView extends NarrativeBlockView {
  readonly kind: "narrative";
  readonly number: SectionNumber;
  readonly heading: string;
  readonly parts: readonly NarrativePartView[];
}

export type SectionView = NarrativeSectionView | TableSectionView;

export interface CorrectionView {
  readonly version: number | null;
  readonly paragraphs: readonly string[];
}

export interface ReportView {
  readonly layoutId: LayoutId;
  readonly layoutVersion: string;
  /** e.g. 董封乡人民政府2023年政府信息公开工作年度报告 */
  readonly title: string;
  /**
   * The title split where an official document would break it when it does
   * not fit one line: the body's name, then 2023年政府信息公开工作年度报告.
   */
  readonly titleLines: readonly string[];
  readonly organizationName: string;
  readonly year: number;
  /** ISO 8601 as given (a Date becomes its toISOString()), or null. */
  readonly publishedAt: string | null;
  /** 2024年1月26日 (China calendar day), or null when unpublished. */
  readonly publishedDateText: string | null;
  /** 成文日期 as YYYY-MM-DD, or null when not set. */
  readonly documentDate: string | null;
  /** 成文日期 as the signature prints it (2024年1月26日), or null. */
  readonly documentDateText: string | null;
  readonly version: number | null;
  readonly correction: CorrectionView | null;
  readonly preamble: NarrativeBlockView;
  readonly sections: readonly SectionView[];
}

/** Build the view of one report. Pure; throws only on a malformed layout. */
export function toReportView(layout: Layout, data: ReportData, options: ReportViewOptions): ReportView {
  const organizationName = options.organizationName.trim();
  const publishedAt = toIsoString(options.publishedAt);
  const documentDate = toChinaDate(options.documentDate);
  const note = splitParagraphs(options.correctionNote);
  const compiled = compileLayout(layout);
  return {
    layoutId: layout.id,
    layoutVersion: layout.version,
    title: reportTitle({ organizationName, year: options.year }),
    titleLines: [organizationName, reportTitle({ organizationName: "", year: options.year })].filter((l) => l !== ""),
    organizationName,
    year: options.year,
    publishedAt,
    publishedDateText: publishedAt === null ? null : formatDateZh(publishedAt),
    documentDate,
    documentDateText: documentDate === null ? null : formatDateZh(documentDate),
    version: options.version ?? null,
    correction: note.length > 0 ? { version: options.version ?? null, paragraphs: note } : null,
    preamble: { id: layout.preamble.id, paragraphs: splitParagraphs(data.narrative[layout.preamble.id]) },
    sections: layout.sections.map((section): SectionView => {
      if (section.kind === "table") return toTableSectionView(compiled, section, data);
      return {
        kind: "narrative",
        id: section.id,
        number: section.number,
        heading: section.heading,
        paragraphs: splitParagraphs(data.narrative[section.id]),
        parts: section.parts.map((part) => ({
          id: part.id,
          heading: part.heading,
          paragraphs: splitParagraphs(data.narrative[part.id]),
        })),
      };
    }),
  };
}

/**
 * Paragraphs of a narrative field: one per non-blank line. Leading and
 * trailing whitespace (ASCII, NBSP and the ideographic space authors use as a
 * first-line indent) is dropped; inner text is kept verbatim.
 */
export function splitParagraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter((line) => line.length > 0);
}

/** A calendar day as YYYY-MM-DD: as given when it is one, the day in China for a timestamp. */
function toChinaDate(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = typeof value === "string" ? Date.parse(value) : value.getTime();
  if (!Number.isFinite(time)) return null;
  return new Date(time + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function toIsoString(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  return Number.isFinite(value.getTime()) ? value.toISOString() : null;
}

function toTableSectionView(compiled: CompiledLayout, section: TableSection, data: ReportData): TableSectionView {
  return {
    kind: "table",
    id: section.id,
    number: section.number,
    heading: section.heading,
    grids: section.grids.map((grid) => toGridView(compiled.grid(grid.id), section.heading, data)),
  };
}

/** Depth of a header forest: 1 for a flat list of leaves. */
function treeDepth(nodes: readonly HeaderNode[]): number {
  let depth = 0;
  for (const node of nodes) {
    const below = node.children && node.children.length > 0 ? treeDepth(node.children) : 0;
    depth = Math.max(depth, below + 1);
  }
  return depth;
}

function isGroup(node: HeaderNode): node is HeaderNode & { readonly children: readonly HeaderNode[] } {
  return node.children !== undefined && node.children.length > 0;
}

interface LeafInfo {
  readonly node: HeaderNode;
  /** Ancestors from the top, the leaf itself last. */
  readonly path: readonly HeaderNode[];
}

function leafInfos(nodes: readonly HeaderNode[]): LeafInfo[] {
  const out: LeafInfo[] = [];
  const walk = (list: readonly HeaderNode[], above: readonly HeaderNode[]): void => {
    for (const node of list) {
      const path = [...above, node];
      if (isGroup(node)) walk(node.children, path);
      else out.push({ node, path });
    }
  };
  walk(nodes, []);
  return out;
}

function toGridView(compiledGrid: CompiledGrid, sectionHeading: string, data: ReportData): GridView {
  const { grid } = compiledGrid;
  const columnLeaves = leafInfos(grid.columns);
  const rowLeaves = leafInfos(grid.rows);
  const columnDepth = treeDepth(grid.columns);
  // A grid prints row labels unless it has no stub header and no row label
  // at all (table 四: one unlabelled row of figures).
  const hasRowLabels = grid.stubHeader !== null || rowLeaves.some((leaf) => leaf.path.some((n) => n.label !== ""));
  const stubColumnCount = hasRowLabels ? treeDepth(grid.rows) : 0;
  const columnCount = stubColumnCount + columnLeaves.length;

  const headerRows: HeaderCellView[][] = Array.from({ length: columnDepth }, () => []);
  if (stubColumnCount > 0) {
    headerRows[0]?.push({
      kind: "header",
      key: "stub",
      text: grid.stubHeader ?? "",
      column: 0,
      colSpan: stubColumnCount,
      rowSpan: columnDepth,
      scope: "col",
      level: 0,
    });
  }
  let nextColumn = stubColumnCount;
  const placeColumns = (nodes: readonly HeaderNode[], depth: number): void => {
    for (const node of nodes) {
      const span = leafNodes([node]).length;
      headerRows[depth - 1]?.push({
        kind: "header",
        key: `col:${node.id}`,
        text: node.label,
        column: nextColumn,
        colSpan: span,
        rowSpan: isGroup(node) ? 1 : columnDepth - depth + 1,
        scope: isGroup(node) ? "colgroup" : "col",
        level: depth,
      });
      if (isGroup(node)) placeColumns(node.children, depth + 1);
      else nextColumn += 1;
    }
  };
  placeColumns(grid.columns, 1);

  const bodyRows = rowLeaves.map((row): BodyRowView => {
    const cells: BodyCellView[] = [];
    if (stubColumnCount > 0) {
      row.path.forEach((node, i) => {
        const level = i + 1;
        if (isGroup(node)) {
          // A group label is drawn once, in the row of its first leaf, spanning all its leaves.
          const leaves = leafNodes([node]);
          if (leaves[0]?.id !== row.node.id) return;
          cells.push({
            kind: "header",
            key: `row:${node.id}`,
            text: node.label,
            column: i,
            colSpan: 1,
            rowSpan: leaves.length,
            scope: "rowgroup",
            level,
          });
        } else {
          // A leaf fills the remaining label columns, so shallow rows (一、本年新收…) span them all.
          cells.push({
            kind: "header",
            key: `row:${node.id}`,
            text: node.label,
            column: i,
            colSpan: stubColumnCount - i,
            rowSpan: 1,
            scope: "row",
            level,
          });
        }
      });
    }
    const rowKeys = stubColumnCount > 0 ? row.path.map((n) => `row:${n.id}`) : [];
    columnLeaves.forEach((column, columnIndex) => {
      const def = compiledGrid.cellAt(row.node.id, column.node.id);
      if (!def) throw new Error(`layout grid ${grid.id}: no cell for row ${row.node.id}, column ${column.node.id}`);
      const raw = data.cells[def.id];
      const value = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
      cells.push({
        kind: "value",
        cellId: def.id,
        text: formatCellValue(value, def.type, def.decimals === undefined ? {} : { decimals: def.decimals }),
        value,
        type: def.type,
        isComputed: def.total !== null,
        column: stubColumnCount + columnIndex,
        rowPath: def.rowPath,
        columnPath: def.columnPath,
        headerKeys: [...column.path.map((n) => `col:${n.id}`), ...rowKeys],
      });
    });
    return { id: row.node.id, cells };
  });

  return {
    id: grid.id,
    title: grid.title ?? null,
    caption: grid.title ?? sectionHeading,
    columnCount,
    stubColumnCount,
    headerRows,
    bodyRows,
  };
}
