/**
 * The county summary adds the tables up: checked against sums this test computes itself,
 * from the layout's own cell lists (not the compiled index the code reads), for the real
 * seed reports and for generated ones; the summed totals obey the layout's sums.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seed000, seed002, seed003, seed004 } from "../../fixtures";
import { evaluateReport } from "../rules";
import { compileLayout, getLayout, type CellDef, type Layout } from "../template";
import { withComputedTotals } from "./computed-totals";
import { sumReports, type SummaryPart } from "./sum-reports";
import type { ReportData } from "./types";

const layout = getLayout("gov-2021");
const meta = { organizationName: "测试县（全县汇总）", year: 2023 };

/** Every cell the layout declares, read from its sections directly. */
function declaredCells(of: Layout): CellDef[] {
  return of.sections.flatMap((section) =>
    section.kind === "table" ? section.grids.flatMap((grid) => grid.cells) : [],
  );
}

/** Σ of the figures stated for a cell; null when no part states one. */
function independentSum(parts: readonly ReportData[], id: string): number | null {
  const values = parts.map((part) => part.cells[id]).filter((v): v is number => typeof v === "number");
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0);
}

const asParts = (reports: readonly ReportData[]): SummaryPart[] =>
  reports.map((data, i) => ({ unitId: `u${i}`, unitName: data.meta.organizationName, data }));

function expectClose(actual: number | null | undefined, expected: number | null, id: string): void {
  if (expected === null) expect(actual ?? null, id).toBeNull();
  else expect(actual, id).toBeCloseTo(expected, 4);
}

describe("sumReports over the seed reports of the 2021 layout", () => {
  const seeds = [seed000, seed002, seed003, seed004].map((seed) => seed.data);
  const sum = sumReports(layout, asParts(seeds), meta);
  const totals = new Set(compileLayout(layout).totals.map((cell) => cell.id));

  it("states, for every figure a clerk types, the sum of the seeds' figures", () => {
    for (const cell of declaredCells(layout).filter((c) => !totals.has(c.id)))
      expectClose(sum.data.cells[cell.id], independentSum(seeds, cell.id), cell.id);
  });

  it("states, for every total, the sum of the totals of the seeds whose tables are consistent", () => {
    // seeds 002 and 003 have every cell and every total right (their only findings are in the text).
    const consistent = [seed002.data, seed003.data];
    const consistentSum = sumReports(layout, asParts(consistent), meta);
    for (const id of totals) expectClose(consistentSum.data.cells[id], independentSum(consistent, id), id);
  });

  it("says which unit gave which figure", () => {
    const id = "t3.r1.total";
    const stated = seeds.filter((data) => (data.cells[id] ?? 0) !== 0);
    expect(sum.contributions[id]?.map((c) => [c.unitName, c.value])).toEqual(
      stated.map((data) => [data.meta.organizationName, data.cells[id]]),
    );
  });

  it("is report data of the layout with only its tables", () => {
    expect(sum.data.meta).toEqual(meta);
    expect(sum.data.narrative).toEqual({});
    expect(Object.keys(sum.data.cells).sort()).toEqual(
      declaredCells(layout)
        .map((c) => c.id)
        .sort(),
    );
  });
});

/** A generated report: any figure or none in every cell the clerk types, totals computed. */
const generatedReport = (of: Layout) => {
  const inputs = compileLayout(of).inputCells;
  return fc
    .array(fc.option(fc.nat({ max: 5000 }), { nil: null }), { minLength: inputs.length, maxLength: inputs.length })
    .map((values): ReportData => {
      const cells: Record<string, number | null> = {};
      inputs.forEach((cell, i) => {
        const v = values[i] ?? null;
        cells[cell.id] =
          v === null ? null : cell.type === "money" ? v / 10_000 : cell.type === "signedCount" ? v - 2500 : v;
      });
      return { cells: withComputedTotals(of, cells), narrative: {}, meta: { organizationName: "某镇", year: 2023 } };
    });
};

describe.each(["gov-2021", "gov-2019"] as const)("sumReports over generated %s reports", (layoutId) => {
  const generated = getLayout(layoutId);
  const sumRuleIds = new Set(compileLayout(generated).totals.flatMap((cell) => cell.total.ruleIds));

  it("equals the cell-by-cell sum and keeps every total the sum of its parts", () => {
    fc.assert(
      fc.property(fc.array(generatedReport(generated), { minLength: 1, maxLength: 6 }), (reports) => {
        const sum = sumReports(generated, asParts(reports), meta);
        for (const cell of declaredCells(generated))
          expectClose(sum.data.cells[cell.id], independentSum(reports, cell.id), cell.id);
        const broken = evaluateReport({ data: sum.data, layout: generated }).filter((f) => sumRuleIds.has(f.ruleId));
        expect(broken).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
