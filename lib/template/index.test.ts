import { describe, expect, it } from "vitest";
import { defineGrid, defineLayout, leaf } from "./define-layout";
import {
  compileLayout,
  getLayout,
  layoutForYear,
  layouts,
  periodSentence,
  reportTitle,
  standardPreamble,
  type Layout,
} from "./index";

describe("layout registry", () => {
  it.each([
    [2019, "gov-2019"],
    [2020, "gov-2019"],
    [2021, "gov-2021"],
    [2023, "gov-2021"],
    [2040, "gov-2021"],
  ])("report year %i uses %s", (year, id) => {
    expect(layoutForYear(year)?.id).toBe(id);
  });

  it("has no layout before 2019", () => {
    expect(layoutForYear(2018)).toBeUndefined();
  });

  it("looks layouts up by id and refuses unknown ids", () => {
    expect(getLayout("gov-2019")).toBe(layouts["gov-2019"]);
    expect(getLayout("gov-1999")).toBeUndefined();
  });

  it("labels cells with row and column", () => {
    const byId = new Map(compileLayout(layouts["gov-2021"]).cells.map((c) => [c.id, c.label]));
    expect(byId.get("t3.r3_7.natural")).toBe("（七）总计·自然人");
    expect(byId.get("t3.r3_3_1.total")).toBe("（三）不予公开·1.属于国家秘密·总计");
    expect(byId.get("t4.suitAfterReview.pending")).toBe("行政诉讼·复议后起诉·尚未审结");
    expect(byId.get("t4.review.total")).toBe("行政复议·总计");
    expect(byId.get("t2.normative.issued")).toBe("行政规范性文件·本年制发件数");
  });
});

describe("standard opening text", () => {
  it.each([
    ["gov-2021", "国办公开办函〔2021〕30号"],
    ["gov-2019", "国办公开办函〔2019〕60号"],
  ] as const)("%s cites the 条例, %s and the 统计期限", (id, basis) => {
    const text = standardPreamble(getLayout(id), { organizationName: " 朝阳镇人民政府 ", year: 2023 });
    expect(text).toContain("《中华人民共和国政府信息公开条例》");
    expect(text).toContain(`（${basis}）`);
    expect(text).toContain("《朝阳镇人民政府2023年政府信息公开工作年度报告》");
    expect(text.endsWith("本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。")).toBe(true);
  });

  it("builds the title and period sentence", () => {
    expect(reportTitle({ organizationName: "董封乡人民政府", year: 2023 })).toBe(
      "董封乡人民政府2023年政府信息公开工作年度报告",
    );
    expect(periodSentence(2020)).toBe("本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。");
  });
});

describe("defineLayout refuses broken definitions", () => {
  const base = layouts["gov-2021"];
  const grid = (id: string, cellId: (r: string, c: string) => string) =>
    defineGrid({ id, stubHeader: null, columns: [leaf("a", "A")], rows: [leaf("x", "X"), leaf("y", "Y")], cellId });
  const withTable = (extra: Partial<Layout>): Layout =>
    defineLayout({
      ...base,
      sections: [{ kind: "table", id: "t2", number: "二", heading: "h", grids: [grid("g", (r, c) => `t2.${r}.${c}`)] }],
      rules: [],
      periodSentenceFields: ["preamble"],
      commonlyEmptyTables: ["t2"],
      trendFigures: [{ key: "k", chart: "requests", label: "K", grid: "g", rows: ["x"], columns: ["a"] }],
      ...extra,
    });

  it("accepts a well-formed one", () => {
    expect(withTable({}).sections).toHaveLength(1);
  });

  it("refuses a commonly empty table that is not a table of the layout", () => {
    expect(() => withTable({ commonlyEmptyTables: ["t2", "t3"] })).toThrow(/commonly empty table t3/);
  });

  it.each([
    [
      "duplicate cell ids",
      { sections: [{ kind: "table", id: "t2", number: "二", heading: "h", grids: [grid("g", () => "same")] }] },
    ],
    ["a rule naming an unknown row", { rules: [{ kind: "sumRows", id: "r", grid: "g", target: "x", of: ["zz"] }] }],
    [
      "a rule naming an unknown grid",
      { rules: [{ kind: "balance", id: "r", grid: "nope", left: ["x"], right: ["y"] }] },
    ],
    [
      "a rule naming an unknown column",
      { rules: [{ kind: "sumColumns", id: "r", grid: "g", target: "a", of: ["b"] }] },
    ],
    ["a 统计期限 field the layout does not have", { periodSentenceFields: ["preamble", "s1"] }],
    [
      "duplicate rule ids",
      {
        rules: [
          { kind: "sumRows", id: "r", grid: "g", target: "x", of: ["y"] },
          { kind: "sumRows", id: "r", grid: "g", target: "x", of: ["y"] },
        ],
      },
    ],
    [
      "a trend figure naming an unknown row",
      { trendFigures: [{ key: "k", chart: "requests", label: "K", grid: "g", rows: ["zz"], columns: ["a"] }] },
    ],
    [
      "a trend figure naming an unknown grid",
      { trendFigures: [{ key: "k", chart: "requests", label: "K", grid: "t3", rows: ["x"], columns: ["a"] }] },
    ],
    [
      "duplicate trend figure keys",
      {
        trendFigures: [
          { key: "k", chart: "requests", label: "K", grid: "g", rows: ["x"], columns: ["a"] },
          { key: "k", chart: "requests", label: "K", grid: "g", rows: ["y"], columns: ["a"] },
        ],
      },
    ],
  ] satisfies [string, Partial<Layout>][])("throws on %s", (_name, extra) => {
    expect(() => withTable(extra)).toThrow();
  });
});
