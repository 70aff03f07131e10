import { describe, expect, it } from "vitest";
import { compileLayout } from "./compile-layout";
import { getLayout } from "./index";

const gov2021 = getLayout("gov-2021");
const gov2019 = getLayout("gov-2019");

describe("compileLayout", () => {
  it("compiles each layout once", () => {
    expect(compileLayout(gov2021)).toBe(compileLayout(gov2021));
    expect(compileLayout(gov2019)).not.toBe(compileLayout(gov2021));
  });

  it("finds a cell by id and by (grid, row, column), at its reading-order index", () => {
    const compiled = compileLayout(gov2021);
    const cell = compiled.cellAt("t3", "r3_3_1", "business");
    expect(cell?.id).toBe("t3.r3_3_1.business");
    expect(compiled.cell("t3.r3_3_1.business")).toBe(cell);
    expect(compiled.cells[cell?.index ?? -1]).toBe(cell);
    expect(compiled.indexOf.get("t3.r3_3_1.business")).toBe(cell?.index);
    expect(compiled.grid("t3").indexAt("r3_3_1", "business")).toBe(cell?.index);
    expect(compiled.cellAt("t3", "r3_3", "business")).toBeUndefined(); // a row group, not a row
    expect(compiled.grid("t3").indexAt("r9", "business")).toBe(-1);
    expect(compiled.cell("t2.procurement.amount")).toBeUndefined(); // a gov-2019 cell
    expect(() => compiled.grid("t9")).toThrow();
    expect(compiled.cells.map((c) => c.index)).toEqual(compiled.cells.map((_, i) => i));
  });

  it("gives each cell its label paths and names", () => {
    const compiled = compileLayout(gov2021);
    expect(compiled.cell("t3.r3_3_1.business")).toMatchObject({
      rowPath: ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"],
      columnPath: ["申请人情况", "法人或其他组织", "商业企业"],
      rowName: "（三）不予公开·1.属于国家秘密",
      columnName: "商业企业",
      label: "（三）不予公开·1.属于国家秘密·商业企业",
    });
    // Table 四 prints no row labels: the column path names the cell.
    expect(compiled.cell("t4.suitDirect.total")).toMatchObject({
      rowPath: [""],
      columnPath: ["行政诉讼", "未经复议直接起诉", "总计"],
      columnName: "行政诉讼·未经复议直接起诉·总计",
      label: "行政诉讼·未经复议直接起诉·总计",
    });
  });

  it("lists a row's cells left to right", () => {
    const row = compileLayout(gov2019).grid("t2.item5").rowCells("licensing");
    expect(row.map((cell) => cell.id)).toEqual([
      "t2.licensing.prevItems",
      "t2.licensing.change",
      "t2.licensing.decisions",
    ]);
  });

  it("carries each cell's type, unit and fixed decimals from the layout data", () => {
    expect(compileLayout(gov2021).cell("t2.fees.amount")).toMatchObject({ type: "money", unit: "万元" });
    expect(compileLayout(gov2021).cell("t2.fees.amount")?.decimals).toBeUndefined();
    expect(compileLayout(gov2019).cell("t2.procurement.amount")).toMatchObject({
      type: "money",
      unit: "万元",
      decimals: 4,
    });
    expect(compileLayout(gov2019).cell("t2.licensing.change")?.type).toBe("signedCount");
    const counts = compileLayout(gov2021).cells.filter((cell) => cell.type === "count");
    expect(counts.every((cell) => cell.unit === undefined && cell.decimals === undefined)).toBe(true);
    expect(compileLayout(gov2021).types).toEqual(compileLayout(gov2021).cells.map((cell) => cell.type));
  });

  it("names the fields that carry the 统计期限 sentence, preamble first", () => {
    // gov-2021: the preamble and every part of 一、总体情况 (s1 and its five sub-parts).
    const overview = compileLayout(gov2021).narrativeFields.filter((field) => field.sectionId === "s1");
    expect(overview.map((field) => field.id)).toHaveLength(6);
    expect(compileLayout(gov2021).periodSentenceFields.map((field) => field.id)).toEqual([
      "preamble",
      ...overview.map((field) => field.id),
    ]);
    expect(compileLayout(gov2019).periodSentenceFields.map((field) => field.id)).toEqual(["preamble", "s1"]);
  });

  it("lists the narrative fields with their sections", () => {
    const compiled = compileLayout(gov2021);
    expect(compiled.narrativeField("s1.platform")).toEqual({
      id: "s1.platform",
      heading: "（四）政府信息公开平台建设",
      required: true,
      sectionId: "s1",
    });
    expect(compiled.narrativeField("preamble")?.sectionId).toBe("preamble");
    expect(compiled.narrativeField("s1.active")).toBe(compiled.narrativeFields[2]);
    expect(compileLayout(gov2019).narrativeField("s1.active")).toBeUndefined();
  });

  it("separates the totals from the cells the clerk types", () => {
    for (const layout of [gov2021, gov2019]) {
      const compiled = compileLayout(layout);
      expect(compiled.totals.length + compiled.inputCells.length).toBe(compiled.cells.length);
      expect(compiled.inputCells.every((cell) => cell.total === null)).toBe(true);
    }
  });
});

/** The compiled layout's totals with their inputs, by cell id. */
const totalsOf = (layout: typeof gov2021) =>
  new Map(compileLayout(layout).totals.map((cell) => [cell.id, cell.total] as const));

describe("the totals the layout computes", () => {
  it("are exactly the cells a sum rule targets", () => {
    for (const layout of [gov2021, gov2019]) {
      const targeted = new Set<string>();
      const compiled = compileLayout(layout);
      for (const rule of layout.rules) {
        if (rule.kind !== "sumRows" && rule.kind !== "sumColumns") continue;
        for (const cell of compiled.grid(rule.grid).cells)
          if ((rule.kind === "sumRows" ? cell.row : cell.column) === rule.target) targeted.add(cell.id);
      }
      expect(compiled.totals.map((cell) => cell.id).sort()).toEqual([...targeted].sort());
    }
  });

  it("sum the operands their first rule names, expanded down to the inputs the clerk types", () => {
    const plan = totalsOf(gov2021);
    expect(plan.get("t3.r3_7.total")?.ruleIds[0]).toBe("t3.sumRows.r3_7");
    expect(plan.get("t3.r3_7.total")?.operands).toHaveLength(21);
    expect(plan.get("t3.r3_7.total")?.operands).toContain("t3.r3_1.total");
    const r1Parts = ["natural", "business", "research", "nonprofit", "legal", "other"].map((c) => `t3.r1.${c}`);
    expect(plan.get("t3.r1.total")?.operands).toEqual(r1Parts);
    expect(plan.get("t3.r1.total")?.inputs).toEqual(r1Parts);
    const r37natural = plan.get("t3.r3_7.natural");
    expect(r37natural?.inputs).toHaveLength(21);
    expect(r37natural?.inputs).toContain("t3.r3_3_1.natural");
    expect(r37natural?.inputs).not.toContain("t3.r3_7.natural");
    const grand = plan.get("t3.r3_7.total");
    expect(grand?.inputs).toHaveLength(21 * 6);
    expect(new Set(grand?.inputs).size).toBe(21 * 6);
    expect(grand?.weights.every((w) => w === 1)).toBe(true);
    expect(plan.get("t4.review.total")?.inputs).toEqual([
      "t4.review.upheld",
      "t4.review.corrected",
      "t4.review.other",
      "t4.review.pending",
    ]);
    for (const total of plan.values()) for (const input of total?.inputs ?? []) expect(plan.has(input)).toBe(false);
  });

  it("gov-2019 has （六）其他处理 as one row", () => {
    expect(totalsOf(gov2019).get("t3.r3_7.natural")?.inputs).toHaveLength(19);
  });
});
