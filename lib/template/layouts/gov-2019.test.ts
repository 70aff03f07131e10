import { describe, expect, it } from "vitest";
import { compileLayout } from "../compile-layout";
import { allLabels, expectCellIds, leafLabels, onlyGrid, table } from "../test-support";
import { expectedT3Columns, expectedT3Rows2021, expectedT4Headers } from "../test-support";
import { gov2019 } from "./gov-2019";

const cellIdScheme =
  /^(t2\.(rules|normative)\.(made|published|total)|t2\.(licensing|otherServices|penalty|enforcement)\.(prevItems|change|decisions)|t2\.fees\.(prevItems|change)|t2\.procurement\.(items|amount)|t3\.(r1|r2|r3_1|r3_2|r3_3_[1-8]|r3_4_[1-3]|r3_5_[1-5]|r3_6|r3_7|r4)\.(natural|business|research|nonprofit|legal|other|total)|t4\.(review|suitDirect|suitAfterReview)\.(upheld|corrected|other|pending|total))$/;

/** gov-2019 table 三 rows: as gov-2021 but （六）其他处理 is one row. */
const expectedT3Rows2019 = [...expectedT3Rows2021.slice(0, 20), "（六）其他处理", ...expectedT3Rows2021.slice(23)];

describe("gov-2019 layout", () => {
  it("carries its basis and years", () => {
    expect(gov2019).toMatchObject({
      id: "gov-2019",
      basis: "国办公开办函〔2019〕60号",
      appliesToYears: { from: 2019, to: 2020 },
    });
  });

  it("has 一、总体情况 as free text without sub-parts", () => {
    const fields = compileLayout(gov2019).narrativeFields;
    expect(Object.fromEntries(fields.map((f) => [f.id, f.heading]))).toEqual({
      preamble: "前言",
      s1: "一、总体情况",
      s5: "五、存在的主要问题及改进情况",
      s6: "六、其他需要报告的事项",
    });
    // Only the preamble may stay empty.
    expect(fields.filter((f) => !f.required).map((f) => f.id)).toEqual(["preamble"]);
  });

  it("words table 二 as the 2019 template does", () => {
    const t2 = table(gov2019, "t2");
    expect(t2.grids.map((g) => [g.title, leafLabels(g.columns), leafLabels(g.rows)])).toEqual([
      ["第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]],
      ["第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "其他对外管理服务事项"]],
      ["第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "行政强制"]],
      ["第二十条第（八）项", ["上一年项目数量", "本年增/减"], ["行政事业性收费"]],
      ["第二十条第（九）项", ["采购项目数量", "采购总金额（单位：万元，保留4位小数）"], ["政府集中采购"]],
    ]);
  });

  it("types 本年增/减 as signed and 采购总金额 as money", () => {
    const cells = compileLayout(gov2019).cells;
    expect(cells.filter((c) => c.type === "signedCount").map((c) => c.id)).toEqual([
      "t2.licensing.change",
      "t2.otherServices.change",
      "t2.penalty.change",
      "t2.enforcement.change",
      "t2.fees.change",
    ]);
    expect(cells.filter((c) => c.type === "money").map((c) => c.id)).toEqual(["t2.procurement.amount"]);
  });

  it("words tables 三 and 四 as the template does", () => {
    const t3 = onlyGrid(table(gov2019, "t3"));
    expect(leafLabels(t3.rows)).toEqual(expectedT3Rows2019);
    expect(leafLabels(t3.columns)).toEqual(expectedT3Columns);
    const t4 = onlyGrid(table(gov2019, "t4"));
    expect(new Set(allLabels(t4.columns))).toEqual(new Set(expectedT4Headers));
  });

  it("gives every cell a unique id following the documented scheme", () => {
    expectCellIds(gov2019, 22 + 23 * 7 + 15, cellIdScheme);
  });

  it("declares no arithmetic on table 二 and no 现行有效件数 bound", () => {
    expect(gov2019.rules.map((r) => r.id)).toEqual([
      "t3.sumRows.r3_7",
      "t3.sumColumns.total",
      "t3.balance",
      "crossYear.carryOver",
      "t4.sumColumns.review.total",
      "t4.sumColumns.suitDirect.total",
      "t4.sumColumns.suitAfterReview.total",
      "narrative.tableMismatch.requestsReceived",
      "narrative.tableMismatch.reviews",
      "narrative.tableMismatch.lawsuits",
    ]);
  });
});
