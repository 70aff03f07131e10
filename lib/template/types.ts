/**
 * Typed definition of the national 政府信息公开工作年度报告 layouts.
 *
 * A layout is data: sections (narrative or table), tables made of grids with
 * nested column/row header trees, the cells that exist, and the arithmetic
 * and cross-checks declared as rule data. Code only interprets it, so a
 * new national format is a new data file, not new code. Universal: no I/O, no Node- or browser-only API.
 */

/** Known layouts. Adding one means one file in layouts/ plus its tests. */
export type LayoutId = "gov-2021" | "gov-2019";

/**
 * Stable cell id, see README.md: `t2.<row>.<col>`, `t3.<row>.<col>`,
 * `t4.<block>.<col>`. Kept a plain string so stored JSON, form field names
 * and finding targets share one vocabulary without conversions.
 */
export type CellId = string;

export type TableId = "t2" | "t3" | "t4";

/** Narrative (free-text) fields. Which ones exist depends on the layout. */
export type NarrativeId =
  "preamble" | "s1" | "s1.active" | "s1.onRequest" | "s1.management" | "s1.platform" | "s1.oversight" | "s5" | "s6";

export type MetaFieldId = "meta.organizationName" | "meta.year" | "meta.periodStart" | "meta.periodEnd";

/** Anything a finding can point at: a cell, a narrative field or a meta field. */
export type FieldId = CellId | NarrativeId | MetaFieldId;

/**
 * `count`: integer ≥ 0. `signedCount`: integer, may be negative (gov-2019 本年增/减).
 * `money`: 万元, ≥ 0, at most 4 decimal places.
 */
export type CellType = "count" | "signedCount" | "money";

/** A node of a header tree (columns or rows). Leaves have no children. */
export interface HeaderNode {
  /** Unique among the leaves of its grid when it is a leaf; groups are unique too. */
  readonly id: string;
  /** Exactly as the national template words it. */
  readonly label: string;
  readonly children?: readonly HeaderNode[];
}

export interface CellDef {
  readonly id: CellId;
  /** Leaf row id within the grid. */
  readonly row: string;
  /** Leaf column id within the grid. */
  readonly column: string;
  readonly type: CellType;
  /** The unit the column states for its figures (万元); absent where the template states none. */
  readonly unit?: string;
  /**
   * Decimals every printed figure of the cell has, when the template fixes them (保留4位小数 → 4);
   * absent = the shortest form (money keeps at most MAX_MONEY_DECIMALS).
   */
  readonly decimals?: number;
}

/**
 * One rectangular block of a table. Table 二 has one grid per 第二十条 item,
 * each with its own header row; tables 三 and 四 have one grid each.
 */
export interface Grid {
  readonly id: string;
  /** Block title printed above the grid, e.g. 第二十条第（一）项. */
  readonly title?: string;
  /**
   * Text of the top-left header cell above the row labels (信息内容, or the
   * 勾稽关系 caption of table 三). `null` = the grid has no row-label column
   * (table 四 is one row of figures under a three-level column header).
   */
  readonly stubHeader: string | null;
  readonly columns: readonly HeaderNode[];
  readonly rows: readonly HeaderNode[];
  readonly cells: readonly CellDef[];
}

export type SectionNumber = "一" | "二" | "三" | "四" | "五" | "六";

export interface NarrativePart {
  readonly id: NarrativeId;
  /** Sub-heading as the template words it, e.g. （一）主动公开. */
  readonly heading: string;
  readonly required: boolean;
}

export interface NarrativeSection {
  readonly kind: "narrative";
  readonly id: NarrativeId;
  readonly number: SectionNumber;
  /** Full heading as printed, e.g. 一、总体情况. */
  readonly heading: string;
  /** Whether the section's own text (before any sub-part) must be filled. */
  readonly required: boolean;
  /** gov-2021 一、总体情况 has five sub-parts; other sections have none. */
  readonly parts: readonly NarrativePart[];
}

export interface TableSection {
  readonly kind: "table";
  readonly id: TableId;
  readonly number: SectionNumber;
  readonly heading: string;
  readonly grids: readonly Grid[];
}

export type Section = NarrativeSection | TableSection;

/** The opening paragraph before 一、总体情况; it carries the 统计期限. */
export interface PreambleDef {
  readonly id: "preamble";
  readonly label: string;
  readonly required: boolean;
}

/** Subjects that 一、总体情况 commonly states as figures. */
export type NarrativeTopic = "requestsReceived" | "reviews" | "lawsuits";

/**
 * Parameters of each rule kind a layout may declare. The rule engine keys
 * its evaluators by the same names (a mapped type, no casts).
 */
export interface LayoutRuleParams {
  /** Per column of `grid`: row `target` = sum of rows `of`. */
  readonly sumRows: { readonly grid: string; readonly target: string; readonly of: readonly string[] };
  /** Per row of `grid`: column `target` = sum of columns `of`. */
  readonly sumColumns: { readonly grid: string; readonly target: string; readonly of: readonly string[] };
  /** Per column of `grid`: sum of rows `left` = sum of rows `right`. */
  readonly balance: { readonly grid: string; readonly left: readonly string[]; readonly right: readonly string[] };
  /** Per column of `grid`: this year's row `to` = last year's row `from`. */
  readonly carryOver: { readonly grid: string; readonly from: string; readonly to: string };
  /**
   * Per row in `rows` of `grid`: this year's `stock` ≤ last year's `stock` +
   * this year's `added` (e.g. 现行有效件数 cannot grow faster than 本年制发件数).
   */
  readonly stockBound: {
    readonly grid: string;
    readonly rows: readonly string[];
    readonly stock: string;
    readonly added: string;
  };
  /** A figure stated in the prose of `sections` about `topic` = sum of `cells`. */
  readonly narrativeFigure: {
    readonly topic: NarrativeTopic;
    readonly sections: readonly NarrativeId[];
    readonly cells: readonly CellId[];
  };
}

export type LayoutRuleKind = keyof LayoutRuleParams;

/** A declared rule; `id` is the stable rule id findings carry. */
export type LayoutRule<K extends LayoutRuleKind = LayoutRuleKind> = {
  [P in K]: { readonly kind: P; readonly id: string } & LayoutRuleParams[P];
}[K];

export interface Layout {
  readonly id: LayoutId;
  /** Version of this definition, e.g. 2021.1; bump on any change to ids or labels. */
  readonly version: string;
  /** Name of the national format. */
  readonly title: string;
  /** Document number, e.g. 国办公开办函〔2021〕30号. */
  readonly basis: string;
  /** Title of the notice that issued the format, for the standard opening text. */
  readonly basisTitle: string;
  /** Inclusive report-year range; `to: null` = still in force. */
  readonly appliesToYears: { readonly from: number; readonly to: number | null };
  readonly preamble: PreambleDef;
  readonly sections: readonly Section[];
  readonly rules: readonly LayoutRule[];
  /**
   * The narrative fields where a report states its 统计期限 sentence, in the order a reader
   * looks for it (the preamble first). The rules check the dates there; the importer reads
   * the period from there.
   */
  readonly periodSentenceFields: readonly NarrativeId[];
  /**
   * Tables most units have nothing to report in (requests received, reviews and lawsuits):
   * the wizard offers to state 本年度未发生 for all of them in one act. Absent: no such offer.
   */
  readonly commonlyEmptyTables?: readonly TableId[];
  /** The charts of the trends pages, in the order they are shown (see trend-figures.ts). */
  readonly trendCharts: readonly TrendChartDef[];
  /** The key figures the trends pages follow across years. */
  readonly trendFigures: readonly TrendFigureDef[];
}

/** A chart of the trends pages: key figures that read well side by side across years. */
export type TrendChartId = "requests" | "outcomes" | "reviews" | "lawsuits" | "documents";

export interface TrendChartDef {
  readonly id: TrendChartId;
  /** The chart's heading, e.g. 政府信息公开申请数量. */
  readonly title: string;
}

/**
 * One key figure followed across years: the sum of the cells of `grid` in the rows under the
 * row header nodes `rows` and the columns under the column header nodes `columns` (a group
 * stands for its leaves: gov-2021's （六）其他处理 group and gov-2019's single （六） row give
 * the same figure). `key` names its meaning and is shared by every layout that reports the
 * same thing, so a trend joins years of different layouts by `key`, never by cell id; a
 * layout that does not report a meaning does not declare its key, and its years show no value.
 */
export interface TrendFigureDef {
  readonly key: string;
  readonly chart: TrendChartId;
  /** The series' name in the chart's legend and the data table's header. */
  readonly label: string;
  readonly grid: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
}
