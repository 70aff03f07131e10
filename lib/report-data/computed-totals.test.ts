import { describe, expect, it } from "vitest";
import { seed002, seed002Corrected } from "@/fixtures";
import { evaluateReport } from "@/lib/rules";
import { compileLayout, getLayout } from "../template";
import { liveTotal, sumParts, withComputedTotals } from "./computed-totals";

const gov2021 = getLayout("gov-2021");

describe("sumParts", () => {
  it("sums what is filled in, null when nothing is", () => {
    expect(sumParts([1, null, 2], [1, 1, 1], "count")).toBe(3);
    expect(sumParts([null, undefined], [1, 1], "count")).toBeNull();
    expect(sumParts([0, null], [1, 1], "count")).toBe(0);
    expect(sumParts([0.1, 0.2], [1, 1], "money")).toBe(0.3);
  });
});

describe("liveTotal", () => {
  const none = (): boolean => false;

  it("is the weighted sum only when every input holds a figure", () => {
    expect(liveTotal([1, 2, 3], [1, 1, 2], "count", none)).toEqual({ value: 9, stop: null });
    expect(liveTotal([0.1, 0.2], [1, 1], "money", none)).toEqual({ value: 0.3, stop: null });
    expect(liveTotal([0, 0], [1, 1], "count", none)).toEqual({ value: 0, stop: null });
  });

  it("has no value while an input is blank, naming the first blank one", () => {
    expect(liveTotal([1, null, 2, undefined], [1, 1, 1, 1], "count", none)).toEqual({
      value: null,
      stop: { index: 1, reason: "blank" },
    });
    expect(liveTotal([Number.NaN, 2], [1, 1], "count", none).stop).toEqual({ index: 0, reason: "blank" });
  });

  it("has no value while an input holds a refused entry, whatever figure the form still keeps there", () => {
    // 99999999999 refused: the form keeps the 999999999 typed before it; 3.5 keeps 3; 1e3 keeps 1.
    for (const kept of [999999999, 3, 1]) {
      const total = liveTotal([5, kept, null], [1, 1, 1], "count", (i) => i === 1);
      expect(total).toEqual({ value: null, stop: { index: 1, reason: "invalid" } });
    }
  });

  it("names a refused entry before an earlier blank one: it is the one to correct", () => {
    expect(liveTotal([null, 4, 7], [1, 1, 1], "count", (i) => i === 2).stop).toEqual({ index: 2, reason: "invalid" });
  });

  it("stops a total of totals too, since it sums the same input cells", () => {
    const compiled = compileLayout(gov2021);
    const grand = compiled.cell("t3.r3_7.total")!.total!;
    const rowTotal = compiled.cell("t3.r3_1.total")!.total!;
    const refused = "t3.r3_1.natural";
    expect(grand.inputs).toContain(refused);
    for (const plan of [grand, rowTotal]) {
      const values = plan.inputs.map(() => 1);
      const total = liveTotal(values, plan.weights, "count", (i) => plan.inputs[i] === refused);
      expect(total.value).toBeNull();
      expect(plan.inputs[total.stop!.index]).toBe(refused);
      expect(liveTotal(values, plan.weights, "count", none).value).toBe(sumParts(values, plan.weights, "count"));
    }
  });
});

describe("withComputedTotals", () => {
  it("reproduces the totals of seed 002 from its parts, so the rules find nothing", () => {
    const stripped: Record<string, number | null> = {};
    const compiled = compileLayout(gov2021);
    for (const [id, value] of Object.entries(seed002Corrected.cells))
      stripped[id] = compiled.cell(id)?.total ? null : (value ?? null);
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
