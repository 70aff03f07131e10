import { describe, expect, it } from "vitest";
import { seed002, seed002Corrected } from "@/fixtures";
import { evaluateReport } from "@/lib/rules";
import { getLayout, listCells } from "@/lib/template";
import { computedCellPlan, sumParts, withComputedTotals } from "./computed-totals";
import {
  normalizeReportData,
  toFormValues,
  toReportData,
  cellFieldName,
  narrativeFieldName,
  fieldIdOf,
} from "./form-values";

const gov2021 = getLayout("gov-2021");
const gov2019 = getLayout("gov-2019");

describe("computedCellPlan", () => {
  it("computes exactly the cells the layout marks as computed", () => {
    for (const layout of [gov2021, gov2019]) {
      const marked = listCells(layout)
        .filter((cell) => (cell.computedBy?.length ?? 0) > 0)
        .map((cell) => cell.id)
        .sort();
      expect([...computedCellPlan(layout).keys()].sort()).toEqual(marked);
    }
  });

  it("expands totals down to the inputs the clerk types", () => {
    const plan = computedCellPlan(gov2021);
    expect(plan.get("t3.r1.total")?.inputs).toEqual([
      "t3.r1.natural",
      "t3.r1.business",
      "t3.r1.research",
      "t3.r1.nonprofit",
      "t3.r1.legal",
      "t3.r1.other",
    ]);
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
    for (const total of plan.values()) for (const input of total.inputs) expect(plan.has(input)).toBe(false);
  });

  it("gov-2019 has （六）其他处理 as one row", () => {
    expect(computedCellPlan(gov2019).get("t3.r3_7.natural")?.inputs).toHaveLength(19);
  });
});

describe("sumParts", () => {
  it("sums what is filled in, null when nothing is", () => {
    expect(sumParts([1, null, 2], [1, 1, 1], "count")).toBe(3);
    expect(sumParts([null, undefined], [1, 1], "count")).toBeNull();
    expect(sumParts([0, null], [1, 1], "count")).toBe(0);
    expect(sumParts([0.1, 0.2], [1, 1], "money")).toBe(0.3);
  });
});

describe("withComputedTotals", () => {
  it("reproduces the totals of seed 002 from its parts, so the rules find nothing", () => {
    const stripped: Record<string, number | null> = {};
    const plan = computedCellPlan(gov2021);
    for (const [id, value] of Object.entries(seed002Corrected.cells))
      stripped[id] = plan.has(id) ? null : (value ?? null);
    const cells = withComputedTotals(gov2021, stripped);
    expect(cells).toEqual(seed002Corrected.cells);
    const findings = evaluateReport({
      data: { ...seed002Corrected, cells },
      layout: gov2021,
      organization: seed002.organization,
    });
    expect(findings).toEqual([]);
  });

  it("overrides a wrong stored total", () => {
    const cells = withComputedTotals(gov2021, { "t3.r1.natural": 2, "t3.r1.business": 3, "t3.r1.total": 99 });
    expect(cells["t3.r1.total"]).toBe(5);
    expect(cells["t3.r3_7.total"]).toBeNull();
  });
});

describe("form values", () => {
  it("encodes ids without dots and decodes them back", () => {
    expect(cellFieldName("t3.r3_3_1.natural")).toBe("cells.t3__r3_3_1__natural");
    expect(narrativeFieldName("s1.active")).toBe("narrative.s1__active");
    expect(fieldIdOf("cells.t3__r3_3_1__natural")).toBe("t3.r3_3_1.natural");
    expect(fieldIdOf("narrative.s1__active")).toBe("s1.active");
    expect(fieldIdOf("narrative.s1")).toBe("s1");
  });

  it("round-trips seed 002 (totals recomputed, texts kept)", () => {
    const data = seed002Corrected;
    const values = toFormValues(gov2021, data);
    expect(Object.keys(values.cells)).not.toContain("t3__r3_7__total");
    expect(values.cells["t3__r1__natural"]).toBe(35);
    expect(values.narrative["s1__onRequest"]).toBe(data.narrative["s1.onRequest"]);
    const back = toReportData(gov2021, values, data.meta);
    expect(back.cells).toEqual(data.cells);
    for (const [id, text] of Object.entries(data.narrative))
      expect(back.narrative[id as keyof typeof back.narrative]).toBe(text);
  });

  it("normalizeReportData fills every cell and text", () => {
    const normalized = normalizeReportData(gov2021, {
      cells: {},
      narrative: {},
      meta: { organizationName: "董封乡人民政府", year: 2024 },
    });
    expect(Object.keys(normalized.cells)).toHaveLength(listCells(gov2021).length);
    expect(Object.values(normalized.cells).every((v) => v === null)).toBe(true);
    expect(normalized.narrative["s5"]).toBe("");
  });
});
