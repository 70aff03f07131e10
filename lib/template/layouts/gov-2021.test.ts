import { describe, expect, it } from "vitest";
import { compileLayout } from "../compile-layout";
import { allLabels, expectCellIds, leafLabels, onlyGrid, table } from "../test-support";
import { expectedT3Columns, expectedT3Groups, expectedT3Rows2021, expectedT4Headers } from "../test-support";
import { gov2021 } from "./gov-2021";

const cellIdScheme =
  /^(t2\.(rules|normative)\.(issued|repealed|inForce)|t2\.(licensing|penalty|enforcement)\.decisions|t2\.fees\.amount|t3\.(r1|r2|r3_1|r3_2|r3_3_[1-8]|r3_4_[1-3]|r3_5_[1-5]|r3_6_[1-3]|r3_7|r4)\.(natural|business|research|nonprofit|legal|other|total)|t4\.(review|suitDirect|suitAfterReview)\.(upheld|corrected|other|pending|total))$/;

describe("gov-2021 layout", () => {
  it("carries its basis and years", () => {
    expect(gov2021).toMatchObject({
      id: "gov-2021",
      version: "2021.1",
      basis: "国办公开办函〔2021〕30号",
      appliesToYears: { from: 2021, to: null },
    });
  });

  it("has the six sections in order with the template headings", () => {
    expect(gov2021.sections.map((s) => [s.number, s.kind, s.heading])).toEqual([
      ["一", "narrative", "一、总体情况"],
      ["二", "table", "二、主动公开政府信息情况"],
      ["三", "table", "三、收到和处理政府信息公开申请情况"],
      ["四", "table", "四、政府信息公开行政复议、行政诉讼情况"],
      ["五", "narrative", "五、存在的主要问题及改进情况"],
      ["六", "narrative", "六、其他需要报告的事项"],
    ]);
  });

  it("splits 一、总体情况 into the five required sub-parts", () => {
    const fields = compileLayout(gov2021).narrativeFields;
    expect(Object.fromEntries(fields.map((f) => [f.id, f.heading]))).toEqual({
      preamble: "前言",
      s1: "一、总体情况",
      "s1.active": "（一）主动公开",
      "s1.onRequest": "（二）依申请公开",
      "s1.management": "（三）政府信息管理",
      "s1.platform": "（四）政府信息公开平台建设",
      "s1.oversight": "（五）监督保障",
      s5: "五、存在的主要问题及改进情况",
      s6: "六、其他需要报告的事项",
    });
    // The preamble and the lead-in of 一 may stay empty; the five sub-parts carry 一.
    expect(fields.filter((f) => !f.required).map((f) => f.id)).toEqual(["preamble", "s1"]);
  });

  it("words table 二 as the template does", () => {
    const t2 = table(gov2021, "t2");
    expect(
      t2.grids.map((g) => ({
        title: g.title,
        stub: g.stubHeader,
        cols: leafLabels(g.columns),
        rows: leafLabels(g.rows),
      })),
    ).toEqual([
      {
        title: "第二十条第（一）项",
        stub: "信息内容",
        cols: ["本年制发件数", "本年废止件数", "现行有效件数"],
        rows: ["规章", "行政规范性文件"],
      },
      { title: "第二十条第（五）项", stub: "信息内容", cols: ["本年处理决定数量"], rows: ["行政许可"] },
      { title: "第二十条第（六）项", stub: "信息内容", cols: ["本年处理决定数量"], rows: ["行政处罚", "行政强制"] },
      { title: "第二十条第（八）项", stub: "信息内容", cols: ["本年收费金额（单位：万元）"], rows: ["行政事业性收费"] },
    ]);
  });

  it("words table 三 as the template does", () => {
    const grid = onlyGrid(table(gov2021, "t3"));
    expect(grid.stubHeader).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect(leafLabels(grid.rows)).toEqual(expectedT3Rows2021);
    expect(allLabels(grid.rows)).toEqual(expect.arrayContaining([...expectedT3Groups, "（六）其他处理"]));
    expect(leafLabels(grid.columns)).toEqual(expectedT3Columns);
    expect(allLabels(grid.columns)).toEqual([
      "申请人情况",
      "自然人",
      "法人或其他组织",
      ...expectedT3Columns.slice(1, 6),
      "总计",
    ]);
  });

  it("words table 四 as the template does", () => {
    const grid = onlyGrid(table(gov2021, "t4"));
    expect(grid.stubHeader).toBeNull();
    expect(new Set(allLabels(grid.columns))).toEqual(new Set(expectedT4Headers));
    expect(grid.columns.map((c) => c.label)).toEqual(["行政复议", "行政诉讼"]);
    expect(leafLabels(grid.columns)).toHaveLength(15);
  });

  it("gives every cell a unique id following the documented scheme", () => {
    expectCellIds(gov2021, 10 + 25 * 7 + 15, cellIdScheme);
  });

  it("types the fee amount as money and everything else as a count", () => {
    const cells = compileLayout(gov2021).cells;
    expect(cells.filter((c) => c.type === "money").map((c) => c.id)).toEqual(["t2.fees.amount"]);
    expect(cells.filter((c) => c.type === "signedCount")).toEqual([]);
  });

  it("marks totals as computed with the rules that compute them", () => {
    const compiled = compileLayout(gov2021);
    expect(compiled.totals.length).toBe(25 + 6 + 3);
    expect(compiled.cell("t3.r3_7.total")?.total?.ruleIds).toEqual(["t3.sumRows.r3_7", "t3.sumColumns.total"]);
    expect(compiled.cell("t4.suitDirect.total")?.total?.ruleIds).toEqual(["t4.sumColumns.suitDirect.total"]);
  });

  it("declares the arithmetic of tables 三 and 四 as data and none for table 二", () => {
    const byId = new Map(gov2021.rules.map((r) => [r.id, r]));
    expect(byId.get("t3.sumRows.r3_7")).toMatchObject({ kind: "sumRows", grid: "t3", target: "r3_7" });
    const sumRows = byId.get("t3.sumRows.r3_7");
    expect(sumRows?.kind === "sumRows" ? sumRows.of.length : 0).toBe(2 + 8 + 3 + 5 + 3);
    expect(byId.get("t3.balance")).toEqual({
      kind: "balance",
      id: "t3.balance",
      grid: "t3",
      left: ["r1", "r2"],
      right: ["r3_7", "r4"],
    });
    expect(byId.get("t4.sumColumns.review.total")).toMatchObject({
      of: ["review.upheld", "review.corrected", "review.other", "review.pending"],
    });
    const arithmeticOnT2 = gov2021.rules.filter(
      (r) => (r.kind === "sumRows" || r.kind === "sumColumns" || r.kind === "balance") && r.grid.startsWith("t2"),
    );
    expect(arithmeticOnT2).toEqual([]);
  });
});
