/** `county.summary`: a county report in 全县 mode is compared with the sum of its units, cell by cell. */
import { describe, expect, it } from "vitest";
import { seed002, seed003 } from "../../fixtures";
import { sumReports } from "../report-data";
import { getLayout } from "../template";
import { evaluateReport } from "./evaluate-report";

const layout = getLayout("gov-2021");
const summary = sumReports(
  layout,
  [seed002, seed003].map((seed, i) => ({
    unitId: `u${i}`,
    unitName: seed.data.meta.organizationName,
    data: seed.data,
  })),
  { organizationName: "某县（全县汇总）", year: 2023 },
).data;
const countyReport = {
  ...seed003.data,
  cells: summary.cells,
  meta: { ...seed003.data.meta, organizationName: "某县" },
};
const summaryFindings = (cells: typeof summary.cells) =>
  evaluateReport({ data: { ...countyReport, cells }, layout, countySummary: summary }).filter(
    (f) => f.ruleId === "county.summary",
  );

describe("county.summary", () => {
  it("finds nothing when the county report states the sums", () => {
    expect(summaryFindings(summary.cells)).toEqual([]);
  });

  it("names each cell that differs, with the sum and the stated figure", () => {
    const id = "t3.r1.natural";
    const stated = (summary.cells[id] ?? 0) + 2;
    const findings = summaryFindings({ ...summary.cells, [id]: stated });
    expect(findings.map((f) => [f.severity, f.cellIds, f.expected, f.actual])).toEqual([
      ["warning", [id], summary.cells[id], stated],
    ]);
    expect(findings[0]?.message).toContain("全县汇总");
  });

  it("is not run without the summary (本级 mode)", () => {
    const data = { ...countyReport, cells: { ...summary.cells, "t3.r1.natural": 999 } };
    expect(evaluateReport({ data, layout }).filter((f) => f.ruleId === "county.summary")).toEqual([]);
  });
});
