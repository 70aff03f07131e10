import { describe, expect, it } from "vitest";
import { seed002, seed002Corrected } from "@/fixtures";
import { evaluateReport } from "@/lib/rules";
import { compileLayout, getLayout } from "../template";
import { sumParts, withComputedTotals } from "./computed-totals";

const gov2021 = getLayout("gov-2021");

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
