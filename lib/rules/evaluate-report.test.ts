import { describe, expect, it } from "vitest";
import type { Organization, ReportData } from "../report-data";
import { getLayout, type LayoutId } from "../template";
import { evaluateReport, hasBlockingFindings } from "./evaluate-report";
import {
  cleanReport2021,
  findingsFor,
  ruleIdsOf,
  withCells,
  withMeta,
  withNarrative,
  withoutCells,
  zeroReport,
} from "./test-support";
import type { Severity } from "./types";

interface Expected {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly cellIds?: readonly string[];
  readonly message?: string;
  readonly expected?: number | string;
  readonly actual?: number | string;
}

interface Case {
  readonly name: string;
  readonly data: ReportData;
  readonly layout?: LayoutId;
  readonly previousYear?: ReportData;
  readonly organization?: Organization;
  /** The findings that must be present (one, or a list); no rule id beyond theirs may appear. */
  readonly expect: Expected | readonly Expected[];
}

const zero2019 = zeroReport("gov-2019", 2020);
const zero2021 = zeroReport("gov-2021", 2023);
/** Every cell of table 四 (行政复议、行政诉讼): 3 rows × 5 columns. */
const table4Cells = ["review", "suitDirect", "suitAfterReview"].flatMap((row) =>
  ["upheld", "corrected", "other", "pending", "total"].map((column) => `t4.${row}.${column}`),
);
const town: Organization = { name: "朝阳镇人民政府", kind: "TOWN" };
const township: Organization = { name: "董封乡人民政府", kind: "TOWNSHIP" };

/** A finding the case expects: its rule and severity, and what else must match. */
const finding =
  (severity: Severity) =>
  (ruleId: string, details: Omit<Expected, "ruleId" | "severity"> = {}): Expected => ({ ruleId, severity, ...details });
const error = finding("error");
const warning = finding("warning");

function run(c: Case) {
  return evaluateReport({
    data: c.data,
    layout: getLayout(c.layout ?? "gov-2021"),
    ...(c.previousYear ? { previousYear: c.previousYear } : {}),
    ...(c.organization ? { organization: c.organization } : {}),
  });
}

function check(c: Case): void {
  const findings = run(c);
  const expected = [c.expect].flat();
  for (const e of expected) {
    const candidates = findingsFor(findings, e.ruleId);
    const match = candidates.find(
      (f) =>
        f.severity === e.severity &&
        (e.cellIds ?? []).every((id) => f.cellIds.includes(id)) &&
        (e.message === undefined || f.message === e.message) &&
        (e.expected === undefined || f.expected === e.expected) &&
        (e.actual === undefined || f.actual === e.actual),
    );
    expect(match, `${e.ruleId} in ${JSON.stringify(findings, null, 1)}`).toBeDefined();
  }
  expect(ruleIdsOf(findings)).toEqual([...new Set(expected.map((e) => e.ruleId))].sort());
}

describe("clean reports", () => {
  it.each([
    ["seed 002 corrected (gov-2021, real figures)", cleanReport2021, "gov-2021"],
    ["zeros (gov-2021)", zero2021, "gov-2021"],
    ["zeros (gov-2019)", zero2019, "gov-2019"],
  ] as const)("%s has no findings", (_name, data, layout) => {
    expect(run({ name: "", data, layout, expect: [] })).toEqual([]);
  });
});

describe("arithmetic declared by the layout", () => {
  it.each<Case>([
    {
      name: "（七）总计 not the sum of the rows under 三",
      data: withCells(cleanReport2021, { "t3.r3_4_1.natural": 24, "t3.r3_4_1.total": 24 }),
      expect: [
        error("t3.sumRows.r3_7", {
          cellIds: ["t3.r3_7.natural", "t3.r3_4_1.natural"],
          message: "（七）总计·自然人 应为 34（各项之和），当前为 35",
          expected: 34,
          actual: 35,
        }),
        error("t3.sumRows.r3_7", { cellIds: ["t3.r3_7.total"] }),
      ],
    },
    {
      name: "总计 column not the sum of the applicant columns",
      data: withCells(cleanReport2021, { "t3.r1.total": 36 }),
      expect: [
        error("t3.sumColumns.total", {
          cellIds: ["t3.r1.total", "t3.r1.natural", "t3.r1.other"],
          message: "一、本年新收政府信息公开申请数量·总计 应为 35（各列之和），当前为 36",
        }),
        error("t3.balance", { cellIds: ["t3.r1.total", "t3.r3_7.total", "t3.r4.total"] }),
        // 一、总体情况 says 35 requests received; the table now says 36.
        warning("narrative.tableMismatch.requestsReceived", { expected: 36, actual: 35 }),
      ],
    },
    {
      name: "一 + 二 ≠ 三（七） + 四",
      data: withCells(cleanReport2021, { "t3.r4.business": 2, "t3.r4.total": 2 }),
      expect: [
        error("t3.balance", {
          cellIds: ["t3.r4.business", "t3.r1.business", "t3.r2.business", "t3.r3_7.business"],
          message:
            "“商业企业”列：“一、本年新收政府信息公开申请数量”与“二、上年结转政府信息公开申请数量”之和为 0，应等于“（七）总计”与“四、结转下年度继续办理”之和，当前为 2，请核对这几项",
          expected: 0,
          actual: 2,
        }),
        error("t3.balance", { cellIds: ["t3.r4.total"], expected: 35, actual: 37 }),
      ],
    },
    {
      name: "表四 行政复议 总计 not the sum of its four outcomes",
      data: withCells(cleanReport2021, { "t4.review.total": 5 }),
      expect: error("t4.sumColumns.review.total", {
        cellIds: ["t4.review.total", "t4.review.upheld", "t4.review.pending"],
        message: "行政复议·总计 应为 4（各列之和），当前为 5",
      }),
    },
    {
      name: "表四 复议后起诉 总计",
      data: withCells(zero2019, { "t4.suitAfterReview.corrected": 1 }),
      layout: "gov-2019",
      expect: error("t4.sumColumns.suitAfterReview.total", {
        message: "行政诉讼·复议后起诉·总计 应为 1（各列之和），当前为 0",
      }),
    },
    {
      name: "gov-2019 （六）其他处理 is a single row inside （七）总计",
      data: withCells(zero2019, { "t3.r3_6.natural": 1, "t3.r3_6.total": 1 }),
      layout: "gov-2019",
      expect: error("t3.sumRows.r3_7", { cellIds: ["t3.r3_7.natural", "t3.r3_6.natural"] }),
    },
  ])("$name", check);

  it("skips an equation with a missing cell instead of guessing (completeness reports it)", () => {
    const findings = run({ name: "", data: withoutCells(cleanReport2021, ["t3.r3_7.natural"]), expect: [] });
    expect(ruleIdsOf(findings)).toEqual(["completeness.cells"]);
  });
});

describe("cell types and bounds", () => {
  it.each<Case>([
    {
      name: "a fractional count",
      data: withCells(cleanReport2021, { "t3.r3_1.natural": 5.5 }),
      // Only this finding: the unusable value is left out of the sums rather than cascading into them.
      expect: error("cell.notInteger", {
        cellIds: ["t3.r3_1.natural"],
        message: "（一）予以公开·自然人：请输入整数",
        actual: 5.5,
      }),
    },
    {
      name: "a negative count",
      data: withCells(zero2021, { "t2.penalty.decisions": -1 }),
      expect: error("cell.negative", {
        cellIds: ["t2.penalty.decisions"],
        message: "行政处罚·本年处理决定数量：请输入 0 或正整数",
      }),
    },
    {
      name: "a negative amount",
      data: withCells(zero2021, { "t2.fees.amount": -0.5 }),
      expect: error("cell.negative", { cellIds: ["t2.fees.amount"] }),
    },
    {
      name: "an amount with 5 decimals",
      data: withCells(zero2019, { "t2.procurement.amount": 12.34567 }),
      layout: "gov-2019",
      expect: error("cell.tooManyDecimals", {
        cellIds: ["t2.procurement.amount"],
        message: "政府集中采购·采购总金额（单位：万元，保留4位小数）：金额最多保留 4 位小数，请四舍五入",
      }),
    },
    {
      name: "a figure above 10^9",
      data: withCells(zero2021, { "t2.licensing.decisions": 2_000_000_000 }),
      expect: error("cell.outOfRange", { cellIds: ["t2.licensing.decisions"] }),
    },
    {
      name: "not a number",
      data: withCells(zero2021, { "t2.licensing.decisions": Number.NaN }),
      expect: error("cell.notNumber", { cellIds: ["t2.licensing.decisions"] }),
    },
    {
      name: "a fractional 本年增/减",
      data: withCells(zero2019, { "t2.licensing.change": -2.5 }),
      layout: "gov-2019",
      expect: error("cell.notInteger", { message: "行政许可·本年增/减：请输入整数（减少请填负数）" }),
    },
    {
      name: "an unknown cell id",
      data: withCells(zero2021, { "t3.r9.natural": 1 }),
      expect: error("cell.unknown", { cellIds: ["t3.r9.natural"] }),
    },
    {
      name: "a gov-2019 cell in a gov-2021 report",
      data: withCells(zero2021, { "t2.procurement.items": 0 }),
      expect: error("cell.unknown", { cellIds: ["t2.procurement.items"] }),
    },
  ])("$name", check);

  it.each([
    ["a negative 本年增/减", { "t2.licensing.change": -3 }],
    ["an amount with 4 decimals", { "t2.procurement.amount": 12.3456 }],
    ["10^9 exactly", { "t2.otherServices.decisions": 1_000_000_000 }],
  ])("accepts %s", (_name, cells) => {
    expect(run({ name: "", data: withCells(zero2019, cells), layout: "gov-2019", expect: [] })).toEqual([]);
  });
});

describe("completeness", () => {
  it.each<Case>([
    {
      name: "one absent cell is named",
      data: withoutCells(zero2021, ["t3.r4.total"]),
      expect: error("completeness.cells", {
        cellIds: ["t3.r4.total"],
        message: "请填写“三、收到和处理政府信息公开申请情况”中“四、结转下年度继续办理”一行的“总计”；没有发生的请填 0",
      }),
    },
    {
      name: "null is missing, not 0",
      data: withCells(zero2021, { "t3.r3_3_2.legal": null }),
      expect: error("completeness.cells", {
        cellIds: ["t3.r3_3_2.legal"],
        message:
          "请填写“三、收到和处理政府信息公开申请情况”中“（三）不予公开·2.其他法律行政法规禁止公开”一行的“法律服务机构”；没有发生的请填 0",
      }),
    },
    {
      name: "a whole missing table is one finding",
      data: withoutCells(zero2021, table4Cells),
      expect: error("completeness.cells", {
        cellIds: table4Cells,
        message: "请填写“四、政府信息公开行政复议、行政诉讼情况”的全部 15 项数据；没有发生的请填 0",
      }),
    },
    {
      name: "gov-2021 五 blank",
      data: withNarrative(zero2021, { s5: "" }),
      expect: error("narrative.required.s5", { cellIds: ["s5"], message: "请填写“五、存在的主要问题及改进情况”" }),
    },
    {
      name: "gov-2021 （一）主动公开 whitespace only",
      data: withNarrative(zero2021, { "s1.active": " \n\u3000" }),
      expect: error("narrative.required.s1.active", { cellIds: ["s1.active"], message: "请填写“（一）主动公开”" }),
    },
    {
      name: "gov-2021 六 absent",
      data: withNarrative(zero2021, { s6: undefined }),
      expect: error("narrative.required.s6"),
    },
    {
      name: "gov-2019 一 absent",
      data: withNarrative(zero2019, { s1: undefined }),
      layout: "gov-2019",
      expect: error("narrative.required.s1"),
    },
  ])("$name", check);

  it.each([
    ["the preamble", { preamble: undefined }],
    ["the gov-2021 lead-in of 一", { s1: undefined }],
  ] as const)("does not require %s", (_name, narrative) => {
    expect(run({ name: "", data: withNarrative(zero2021, narrative), expect: [] })).toEqual([]);
  });
});

describe("headings typed into the text", () => {
  it.each<Case>([
    {
      name: "一、总体情况 repeated in its own text (seed 001)",
      data: withNarrative(zero2019, { s1: "2020年，本镇……总结如下：\n一、总体情况\n（一）组织推进情况" }),
      layout: "gov-2019",
      expect: warning("narrative.duplicateHeading", {
        cellIds: ["s1"],
        message: "“一、总体情况”的正文中又写了一遍标题“一、总体情况”；标题由系统自动生成，请从正文中删除",
      }),
    },
    {
      name: "a sub-heading with half-width brackets",
      data: withNarrative(zero2021, { "s1.active": "(一) 主动公开：\n本年主动公开信息30条。" }),
      expect: warning("narrative.duplicateHeading", { cellIds: ["s1.active"] }),
    },
  ])("$name", check);

  it("leaves a numbered paragraph that starts like a heading alone", () => {
    const data = withNarrative(zero2021, { "s1.active": "（一）主动公开方面。2023年，本机关主动公开政府信息30条。" });
    expect(run({ name: "", data, expect: [] })).toEqual([]);
  });
});

describe("year to year", () => {
  const previous = withCells(zero2021, { "t3.r4.natural": 2, "t3.r4.total": 2, "t3.r2.natural": 0 });

  it.each<Case>([
    {
      name: "二、上年结转 differs from last year’s 四、结转下年度",
      data: cleanReport2021,
      previousYear: previous,
      expect: [
        warning("crossYear.carryOver", {
          cellIds: ["t3.r2.natural"],
          message:
            "二、上年结转政府信息公开申请数量·自然人 应为 2（上一年度报告“四、结转下年度继续办理”的数字），当前为 0，请核对；如确有差异，请说明原因",
          expected: 2,
          actual: 0,
        }),
        warning("crossYear.carryOver", { cellIds: ["t3.r2.total"] }),
      ],
    },
    {
      name: "across layouts (2020 gov-2019 → 2021 gov-2021)",
      data: zeroReport("gov-2021", 2021),
      previousYear: withCells(zero2019, { "t3.r4.legal": 1, "t3.r4.total": 1 }),
      expect: warning("crossYear.carryOver", { cellIds: ["t3.r2.legal"] }),
    },
    {
      name: "现行有效件数 grows faster than 本年制发件数",
      data: withCells(cleanReport2021, { "t2.normative.inForce": 9 }),
      previousYear: withCells(zero2021, { "t2.normative.inForce": 5 }),
      expect: warning("crossYear.inForce", {
        cellIds: ["t2.normative.inForce", "t2.normative.issued"],
        message: "行政规范性文件·现行有效件数 为 9，超过上一年度的 5 与本年“本年制发件数” 3 之和 8，请核对",
      }),
    },
  ])("$name", check);

  it.each([
    ["no previous report", undefined],
    ["a matching previous report", zero2021],
    ["a previous report lacking the cells", { ...zero2021, cells: {} }],
  ])("stays silent with %s", (_name, previousYear) => {
    expect(run({ name: "", data: cleanReport2021, expect: [], ...(previousYear ? { previousYear } : {}) })).toEqual([]);
  });
});

describe("prose against the tables", () => {
  it.each<Case>([
    {
      name: "requests received stated as 34 while the table says 35",
      data: withNarrative(cleanReport2021, { "s1.onRequest": "全年共收到依申请公开34件，均为自然人申请。" }),
      expect: warning("narrative.tableMismatch.requestsReceived", {
        cellIds: ["t3.r1.total", "s1.onRequest"],
        message:
          "“（二）依申请公开”中写明收到政府信息公开申请 34 件，而表格中“一、本年新收政府信息公开申请数量·总计”为 35，请核对文字或表格，使两者一致",
        expected: 35,
        actual: 34,
      }),
    },
    {
      name: "“未收到政府信息公开申请” while the table has 35",
      data: withNarrative(cleanReport2021, { "s1.onRequest": "本年度未收到政府信息公开申请。" }),
      expect: warning("narrative.tableMismatch.requestsReceived", { expected: 35, actual: 0 }),
    },
    {
      name: "行政复议 stated as 3 while the table has 4",
      data: withNarrative(cleanReport2021, { "s1.oversight": "全年被申请行政复议3件。" }),
      expect: warning("narrative.tableMismatch.reviews", {
        cellIds: ["t4.review.total", "s1.oversight"],
        expected: 4,
        actual: 3,
      }),
    },
    {
      name: "“无……行政复议和行政诉讼案件” while 4 reviews are in the table",
      data: withNarrative(cleanReport2021, {
        "s1.onRequest": "全年共收到依申请公开35件，无政府信息依申请公开行政复议和行政诉讼案件。",
      }),
      expect: warning("narrative.tableMismatch.reviews", { expected: 4, actual: 0 }),
    },
    {
      name: "行政诉讼 stated while the table has none",
      data: withNarrative(zero2019, { s1: "本年度发生政府信息公开行政诉讼1起。" }),
      layout: "gov-2019",
      expect: warning("narrative.tableMismatch.lawsuits", {
        cellIds: ["t4.suitDirect.total", "t4.suitAfterReview.total", "s1"],
        message:
          "“一、总体情况”中写明政府信息公开行政诉讼 1 件，而表格中“行政诉讼·未经复议直接起诉·总计”与“行政诉讼·复议后起诉·总计”合计为 0，请核对文字或表格，使两者一致",
      }),
    },
  ])("$name", check);

  it.each([
    [
      "two different figures (no clear statement)",
      { "s1.onRequest": "收到政府信息公开申请35件。", "s1.active": "新收政府信息公开申请30件。" },
    ],
    [
      "agreeing figures in two parts",
      { "s1.onRequest": "收到政府信息公开申请35件。", "s1.active": "共收到35件政府信息公开申请。" },
    ],
    ["a figure outside 一", { s6: "本年度未收到政府信息公开申请。" }],
    ["unrelated figures", { "s1.active": "主动公开政府信息3470条，受理12345热线工单104件。" }],
  ] as const)("stays silent on %s", (_name, narrative) => {
    expect(run({ name: "", data: withNarrative(cleanReport2021, narrative), expect: [] })).toEqual([]);
  });
});

describe("identity", () => {
  it.each<Case>([
    {
      name: "a 镇 writing 我乡 (seed 003)",
      data: withMeta(withNarrative(zero2021, { s5: "目前我乡政府信息公开工作中还存在一些不足。" }), {
        organizationName: "朝阳镇",
      }),
      organization: town,
      expect: warning("identity.kindWord", {
        cellIds: ["s5"],
        message: "“五、存在的主要问题及改进情况”中写有“我乡”，本机关是镇，请改为“我镇”",
        expected: "我镇",
        actual: "我乡",
      }),
    },
    {
      name: "a 乡 writing 本镇",
      data: withMeta(withNarrative(zero2021, { "s1.active": "本镇主动公开信息30条。" }), {
        organizationName: township.name,
      }),
      organization: township,
      expect: warning("identity.kindWord", { cellIds: ["s1.active"], expected: "本乡" }),
    },
    {
      name: "a 街道 writing 我镇",
      data: withMeta(withNarrative(zero2021, { s6: "我镇未收取信息处理费。" }), { organizationName: "城关街道" }),
      organization: { name: "城关街道办事处", kind: "SUBDISTRICT" },
      expect: warning("identity.kindWord", { expected: "我街道" }),
    },
    {
      name: "the kind inferred from the title when no body is given",
      data: withMeta(withNarrative(zero2021, { s5: "我乡还存在不足。" }), { organizationName: "朝阳镇" }),
      expect: warning("identity.kindWord", { cellIds: ["s5"] }),
    },
    {
      name: "a title naming another body",
      data: withMeta(zero2021, { organizationName: "董封乡人民政府" }),
      organization: town,
      expect: warning("identity.organizationName", {
        cellIds: ["meta.organizationName"],
        message: "报告标题中的机关名称“董封乡人民政府”与本机关名称“朝阳镇人民政府”不一致，请核对",
      }),
    },
  ])("$name", check);

  it.each([
    ["乡镇 and 乡村 in a 镇 report", "本乡镇干部深入各村，推进乡村振兴。", town],
    ["我县 in a 乡 report", "我县政务公开工作。", township],
    ["我乡 in a 乡 report", "我乡主动公开信息。", township],
    ["any word in a department report", "我办、我镇、我乡。", { name: "某县人民政府办公室", kind: "DEPARTMENT" }],
  ] as const)("accepts %s", (_name, text, organization) => {
    const data = withMeta(withNarrative(zero2021, { s5: text }), { organizationName: organization.name });
    expect(run({ name: "", data, organization, expect: [] })).toEqual([]);
  });

  it("accepts the short name in the title", () => {
    const data = withMeta(zero2021, { organizationName: "朝阳镇" });
    expect(run({ name: "", data, organization: town, expect: [] })).toEqual([]);
  });
});

describe("统计期限", () => {
  it.each<Case>([
    {
      name: "an impossible meta date",
      data: withMeta(zero2021, { periodEnd: "2023-02-30" }),
      expect: error("period.invalidDate", {
        cellIds: ["meta.periodEnd"],
        message: "统计期限的截止日期“2023-02-30”不是有效日期，请填写真实存在的日期（格式 YYYY-MM-DD）",
      }),
    },
    {
      name: "meta dates not covering the year",
      data: withMeta(zero2021, { periodStart: "2023-01-01", periodEnd: "2023-06-30" }),
      expect: error("period.notFullYear", {
        cellIds: ["meta.periodStart", "meta.periodEnd"],
        message: "统计期限应为2023年1月1日至2023年12月31日，当前为2023年1月1日至2023年6月30日，请修改",
      }),
    },
    {
      name: "year run into the month in the preamble (seed 002)",
      data: withNarrative(zero2021, { preamble: "本报告中所列数据的统计期限自20231月1日起至202312月31日止。" }),
      expect: [
        error("period.invalidDate", {
          cellIds: ["preamble"],
          message: "“前言”中统计期限的日期“20231月1日”不是有效日期，请改为“2023年1月1日”",
          expected: "2023年1月1日",
          actual: "20231月1日",
        }),
        error("period.invalidDate", { cellIds: ["preamble"], expected: "2023年12月31日" }),
      ],
    },
    {
      name: "an impossible day in the preamble",
      data: withNarrative(zero2021, { preamble: "本报告中所列数据的统计期限自2023年2月30日起至2023年12月31日止。" }),
      expect: error("period.invalidDate", { actual: "2023年2月30日" }),
    },
    {
      name: "Markdown emphasis pasted into 五",
      data: withNarrative(zero2021, {
        s5: "一是**加强组织领导**。二是**定期开展自查**。三是**强化信息报送**。四是**严格审核**。",
      }),
      expect: error("text.markup.emphasis", {
        cellIds: ["s5"],
        message:
          "“五、存在的主要问题及改进情况”中有Markdown 加粗标记“**加强组织领导**”、“**定期开展自查**”、“**强化信息报送**”等 4 处，印出的报告会原样显示这些符号，请删除成对的 ** 或 __ 符号，只保留文字",
        actual: "**加强组织领导**",
      }),
    },
    {
      name: "a character reference in 一",
      data: withNarrative(zero2021, { s1: "主动公开信息&nbsp;3470条。" }),
      expect: error("text.markup.entity", { cellIds: ["s1"], actual: "&nbsp;" }),
    },
    {
      name: "an impossible day outside the 统计期限 sentence",
      data: withNarrative(zero2021, { s6: "本报告于20241月26日印发。" }),
      expect: error("text.invalidDate", {
        cellIds: ["s6"],
        message: "“六、其他需要报告的事项”中的日期“20241月26日”不是有效日期，请改为“2024年1月26日”",
        expected: "2024年1月26日",
      }),
    },
    {
      name: "the previous year in the preamble",
      data: withNarrative(zero2021, { preamble: "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。" }),
      expect: error("period.notFullYear", { cellIds: ["preamble"] }),
    },
    {
      name: "a period stated inside 一 (seed 003 style)",
      data: withNarrative(zero2021, { s1: "报告统计数据时限为2023年1月1日至2023年11月30日。" }),
      expect: error("period.notFullYear", { cellIds: ["s1"] }),
    },
  ])("$name", check);

  it.each([
    ["the standard sentence", "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"],
    ["spaces and an end date without its year (seed 004)", "本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日。"],
    ["full-width digits", "统计期限自２０２３年１月１日起至２０２３年１２月３１日止。"],
    ["no year at all (the report year is meant)", "统计期限自1月1日起至12月31日止。"],
    ["dates outside a period sentence", "截止2020年12月31日，我镇未收到过公开申请。"],
  ])("accepts %s", (_name, preamble) => {
    expect(run({ name: "", data: withNarrative(zero2021, { preamble }), expect: [] })).toEqual([]);
  });
});

describe("severities and messages", () => {
  const messy = withNarrative(
    withMeta(
      withCells(cleanReport2021, {
        "t3.r1.natural": 36,
        "t3.r3_1.business": 1.5,
        "t2.fees.amount": -1,
        "t3.r4.total": null,
      }),
      {
        periodEnd: "2023-13-01",
      },
    ),
    { s5: "", "s1.onRequest": "共受理政府信息公开申请30件。", preamble: "统计期限自20231月1日起至2023年12月31日止" },
  );
  const findings = evaluateReport({
    data: messy,
    layout: getLayout("gov-2021"),
    organization: town,
    previousYear: zero2021,
  });

  it("finds something of each family", () => {
    expect(findings.length).toBeGreaterThan(6);
    expect(hasBlockingFindings(findings)).toBe(true);
  });

  it("writes every message in Chinese without leaking code values", () => {
    for (const f of findings) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message).not.toMatch(/undefined|NaN|null|\[object/);
      expect(f.cellIds.length).toBeGreaterThan(0);
    }
  });

  it("makes arithmetic, type, completeness and period findings errors, the rest warnings", () => {
    for (const f of findings) {
      const blocking = /^(t\d\.|cell\.|completeness\.|narrative\.required\.|period\.)/.test(f.ruleId);
      expect(f.severity, f.ruleId).toBe(blocking ? "error" : "warning");
    }
  });

  it("does not block on warnings alone", () => {
    const data = withMeta(withNarrative(zero2021, { s5: "我乡" }), { organizationName: "朝阳镇" });
    const findings = run({ name: "", data, organization: town, expect: [] });
    expect(findings.map((f) => f.ruleId)).toEqual(["identity.kindWord"]);
    expect(hasBlockingFindings(findings)).toBe(false);
  });

  it("is deterministic and does not mutate its input", () => {
    const before = JSON.stringify(messy);
    const again = evaluateReport({
      data: messy,
      layout: getLayout("gov-2021"),
      organization: town,
      previousYear: zero2021,
    });
    expect(again).toEqual(findings);
    expect(JSON.stringify(messy)).toBe(before);
  });
});
