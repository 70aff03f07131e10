/**
 * Building blocks the national layouts share: table 三 (依申请公开) and
 * table 四 (行政复议、行政诉讼) are the same in gov-2019 and gov-2021 except
 * for the （六）其他处理 rows, and sections 五 and 六 are worded alike.
 * Labels are character for character as the template prints them.
 */
import { defineGrid, group, leaf, leafIdsUnder, leafNodes, numberedRows, type GridSpec } from "./define-layout";
import type { HeaderNode, LayoutRule, NarrativeSection, TableSection } from "./types";

// ---------------------------------------------------------------- table 二

const itemNumerals = { 1: "一", 5: "五", 6: "六", 8: "八", 9: "九" } as const;

/** One 第二十条 item of table 二: its own header row under 信息内容, cells `t2.<row>.<col>`. */
export interface ProactiveItem {
  /** 1 → grid `t2.item1`, titled 第二十条第（一）项. */
  readonly item: keyof typeof itemNumerals;
  readonly columns: readonly HeaderNode[];
  readonly rows: readonly HeaderNode[];
  readonly cellFormat?: GridSpec["cellFormat"];
}

/** Table 二, one grid per 第二十条 item; the layouts differ in the items and their columns. */
export function proactiveTable(items: readonly ProactiveItem[]): TableSection {
  return {
    kind: "table",
    id: "t2",
    number: "二",
    heading: "二、主动公开政府信息情况",
    grids: items.map(({ item, ...grid }) =>
      defineGrid({
        id: `t2.item${item}`,
        title: `第二十条第（${itemNumerals[item]}）项`,
        stubHeader: "信息内容",
        cellId: (row, column) => `t2.${row}.${column}`,
        ...grid,
      }),
    ),
  };
}

// ---------------------------------------------------------------- table 三

export const T3_CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/** 申请人情况 → 自然人 · 法人或其他组织 (five) · 总计. */
export const applicantColumns: readonly HeaderNode[] = [
  group("applicant", "申请人情况", [
    leaf("natural", "自然人"),
    group("organizations", "法人或其他组织", [
      leaf("business", "商业企业"),
      leaf("research", "科研机构"),
      leaf("nonprofit", "社会公益组织"),
      leaf("legal", "法律服务机构"),
      leaf("other", "其他"),
    ]),
    leaf("total", "总计"),
  ]),
];

const refusedLabels = [
  "属于国家秘密",
  "其他法律行政法规禁止公开",
  "危及“三安全一稳定”",
  "保护第三方合法权益",
  "属于三类内部事务信息",
  "属于四类过程性信息",
  "属于行政执法案卷",
  "属于行政查询事项",
] as const;

const unableLabels = ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"] as const;

const notHandledLabels = [
  "信访举报投诉类申请",
  "重复申请",
  "要求提供公开出版物",
  "无正当理由大量反复申请",
  "要求行政机关确认或重新出具已获取信息",
] as const;

/** gov-2021 splits （六）其他处理 into three sub-rows. */
export const otherHandlingSplit: HeaderNode = group("r3_6", "（六）其他处理", [
  ...numberedRows("r3_6", [
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "其他",
  ]),
]);

/** gov-2019 has （六）其他处理 as a single row. */
export const otherHandlingSingle: HeaderNode = leaf("r3_6", "（六）其他处理");

export function applicationRows(otherHandling: HeaderNode): HeaderNode[] {
  return [
    leaf("r1", "一、本年新收政府信息公开申请数量"),
    leaf("r2", "二、上年结转政府信息公开申请数量"),
    group("r3", "三、本年度办理结果", [
      leaf("r3_1", "（一）予以公开"),
      leaf("r3_2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
      group("r3_3", "（三）不予公开", numberedRows("r3_3", refusedLabels)),
      group("r3_4", "（四）无法提供", numberedRows("r3_4", unableLabels)),
      group("r3_5", "（五）不予处理", numberedRows("r3_5", notHandledLabels)),
      otherHandling,
      leaf("r3_7", "（七）总计"),
    ]),
    leaf("r4", "四、结转下年度继续办理"),
  ];
}

/** Table 三 with its three arithmetic rules and the year-to-year carry-over. */
export function applicationsTable(otherHandling: HeaderNode): { section: TableSection; rules: LayoutRule[] } {
  const rows = applicationRows(otherHandling);
  const grid = defineGrid({
    id: "t3",
    stubHeader: T3_CAPTION,
    columns: applicantColumns,
    rows,
    cellId: (row, column) => `t3.${row}.${column}`,
  });
  const columnIds = leafNodes(applicantColumns).map((n) => n.id);
  const rules: LayoutRule[] = [
    {
      kind: "sumRows",
      id: "t3.sumRows.r3_7",
      grid: "t3",
      target: "r3_7",
      of: leafIdsUnder(rows, "r3").filter((id) => id !== "r3_7"),
    },
    {
      kind: "sumColumns",
      id: "t3.sumColumns.total",
      grid: "t3",
      target: "total",
      of: columnIds.filter((id) => id !== "total"),
    },
    { kind: "balance", id: "t3.balance", grid: "t3", left: ["r1", "r2"], right: ["r3_7", "r4"] },
    { kind: "carryOver", id: "crossYear.carryOver", grid: "t3", from: "r4", to: "r2" },
  ];
  return {
    section: { kind: "table", id: "t3", number: "三", heading: "三、收到和处理政府信息公开申请情况", grids: [grid] },
    rules,
  };
}

// ---------------------------------------------------------------- table 四

const outcomeColumns = (block: string): HeaderNode[] => [
  leaf(`${block}.upheld`, "结果维持"),
  leaf(`${block}.corrected`, "结果纠正"),
  leaf(`${block}.other`, "其他结果"),
  leaf(`${block}.pending`, "尚未审结"),
  leaf(`${block}.total`, "总计"),
];

export const T4_BLOCKS = ["review", "suitDirect", "suitAfterReview"] as const;

/**
 * Table 四 is one row of fifteen figures under a three-level header, so its
 * leaf column ids carry the block (`review.upheld`) and the cell id is
 * `t4.<block>.<col>`; the single row (`cases`) has no printed label.
 */
export function reviewsTable(): { section: TableSection; rules: LayoutRule[] } {
  const columns: HeaderNode[] = [
    group("review", "行政复议", outcomeColumns("review")),
    group("suit", "行政诉讼", [
      group("suitDirect", "未经复议直接起诉", outcomeColumns("suitDirect")),
      group("suitAfterReview", "复议后起诉", outcomeColumns("suitAfterReview")),
    ]),
  ];
  const grid = defineGrid({
    id: "t4",
    stubHeader: null,
    columns,
    rows: [leaf("cases", "")],
    cellId: (_row, column) => `t4.${column}`,
  });
  const rules: LayoutRule[] = T4_BLOCKS.map((block) => ({
    kind: "sumColumns",
    id: `t4.sumColumns.${block}.total`,
    grid: "t4",
    target: `${block}.total`,
    of: ["upheld", "corrected", "other", "pending"].map((col) => `${block}.${col}`),
  }));
  return {
    section: {
      kind: "table",
      id: "t4",
      number: "四",
      heading: "四、政府信息公开行政复议、行政诉讼情况",
      grids: [grid],
    },
    rules,
  };
}

// ---------------------------------------------------------------- narratives

export const problemsSection: NarrativeSection = {
  kind: "narrative",
  id: "s5",
  number: "五",
  heading: "五、存在的主要问题及改进情况",
  required: true,
  parts: [],
};

export const otherMattersSection: NarrativeSection = {
  kind: "narrative",
  id: "s6",
  number: "六",
  heading: "六、其他需要报告的事项",
  required: true,
  parts: [],
};

/** Figures the prose of 一、总体情况 commonly states, checked against the tables. */
export function narrativeFigureRules(sections: NarrativeSection["id"][]): LayoutRule[] {
  return [
    {
      kind: "narrativeFigure",
      id: "narrative.tableMismatch.requestsReceived",
      topic: "requestsReceived",
      sections,
      cells: ["t3.r1.total"],
    },
    {
      kind: "narrativeFigure",
      id: "narrative.tableMismatch.reviews",
      topic: "reviews",
      sections,
      cells: ["t4.review.total"],
    },
    {
      kind: "narrativeFigure",
      id: "narrative.tableMismatch.lawsuits",
      topic: "lawsuits",
      sections,
      cells: ["t4.suitDirect.total", "t4.suitAfterReview.total"],
    },
  ];
}
