import { describe, expect, it } from "vitest";
import type { ReportData } from "@/lib/report-data";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { getLayout, type Layout } from "@/lib/template";
import { compareYears, isLargeChange } from "./compare-years";

const gov2019 = getLayout("gov-2019");
const gov2021 = getLayout("gov-2021");

function report(layout: Layout, year: number, cells: Record<string, number | null> = {}): ReportData {
  const base = sampleReportData(layout, { year });
  return { ...base, cells: { ...base.cells, ...cells } };
}

const rowOf = (comparison: ReturnType<typeof compareYears>, id: string) => {
  const row = comparison.tables.flatMap((table) => table.rows).find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

describe("compareYears", () => {
  it("lists every cell of this year's layout, by table, and marks what changed", () => {
    const previous = report(gov2021, 2022);
    const current = report(gov2021, 2023, { "t3.r1.natural": 1000, "t4.review.upheld": null });
    const comparison = compareYears({ layout: gov2021, data: current }, { layout: gov2021, data: previous });
    expect(comparison.tables.map((table) => table.id)).toEqual(["t2", "t3", "t4"]);
    const cellCount = comparison.tables.reduce((sum, table) => sum + table.rows.length, 0);
    expect(cellCount).toBe(Object.keys(previous.cells).length);
    expect(comparison.changedCount).toBe(2);
    const changed = rowOf(comparison, "t3.r1.natural");
    expect(changed).toMatchObject({ isChanged: true, current: 1000, label: "一、本年新收政府信息公开申请数量·自然人" });
    expect(changed.difference).toBe(1000 - changed.previous!);
    expect(changed.isLarge).toBe(true);
    expect(rowOf(comparison, "t4.review.upheld")).toMatchObject({ isChanged: true, current: null, difference: null });
    expect(rowOf(comparison, "t3.r2.natural")).toMatchObject({ isChanged: false, difference: 0, isLarge: false });
  });

  it("compares a gov-2019 year only where both layouts have the cell", () => {
    const previous = report(gov2019, 2020, { "t3.r1.total": 10 });
    const current = report(gov2021, 2021, { "t3.r1.total": 12 });
    const comparison = compareYears({ layout: gov2021, data: current }, { layout: gov2019, data: previous });
    expect(rowOf(comparison, "t3.r1.total")).toMatchObject({
      previous: 10,
      current: 12,
      difference: 2,
      isChanged: true,
    });
    // 本年制发件数 is not a gov-2019 cell: new to the format, not a change from nothing.
    expect(rowOf(comparison, "t2.rules.issued")).toMatchObject({
      isNewInLayout: true,
      previous: null,
      isChanged: false,
    });
    expect(rowOf(comparison, "t3.r3_6_1.total")).toMatchObject({ isNewInLayout: true, isChanged: false });
  });

  it("calls a change large when it moves a figure by half and by at least five", () => {
    expect(isLargeChange(10, 15)).toBe(true);
    expect(isLargeChange(10, 14)).toBe(false);
    expect(isLargeChange(2, 6)).toBe(false);
    expect(isLargeChange(0, 5)).toBe(true);
    expect(isLargeChange(100, 40)).toBe(true);
    expect(isLargeChange(null, 40)).toBe(false);
  });
});
