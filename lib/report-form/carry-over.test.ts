import { describe, expect, it } from "vitest";
import { seed001, seed002Corrected } from "@/fixtures";
import { evaluateReport } from "@/lib/rules";
import type { ReportData } from "@/lib/report-data";
import { getLayout } from "@/lib/template";
import { carryOverPairs, carryOverSources, planCarryOver } from "./carry-over";
import { normalizeReportData } from "./form-values";

const gov2021 = getLayout("gov-2021");

const blank2024: ReportData = normalizeReportData(gov2021, {
  cells: {},
  narrative: { preamble: "2024 年的开头" },
  meta: { organizationName: "宽城满族自治县人民政府办公室", year: 2024 },
});

const lastYear: ReportData = {
  ...seed002Corrected,
  cells: { ...seed002Corrected.cells, "t3.r4.natural": 3, "t3.r4.business": 1, "t3.r4.total": 4 },
};

describe("carryOverPairs", () => {
  it("come from the layout rules: 结转下年度 → 上年结转 per column, 现行有效件数 kept", () => {
    const pairs = carryOverPairs(gov2021);
    expect(pairs).toContainEqual({ to: "t3.r2.natural", from: "t3.r4.natural" });
    expect(pairs).toContainEqual({ to: "t3.r2.total", from: "t3.r4.total" });
    expect(pairs).toContainEqual({ to: "t2.normative.inForce", from: "t2.normative.inForce" });
    expect(pairs).toHaveLength(7 + 2);
  });
});

describe("carryOverSources", () => {
  it("name what each cross-year rule carries, as the template prints it", () => {
    expect(carryOverSources(gov2021)).toEqual([
      { lastYear: "四、结转下年度继续办理", thisYear: "二、上年结转政府信息公开申请数量" },
      { lastYear: "现行有效件数", thisYear: "现行有效件数" },
    ]);
  });

  it("gov-2019 has no stock in force to carry", () => {
    expect(carryOverSources(getLayout("gov-2019"))).toEqual([
      { lastYear: "四、结转下年度继续办理", thisYear: "二、上年结转政府信息公开申请数量" },
    ]);
  });
});

describe("planCarryOver", () => {
  it("fills 上年结转 and 现行有效件数 of a new report and offers last year’s texts", () => {
    const plan = planCarryOver(gov2021, blank2024, lastYear);
    expect(plan.cells).toContainEqual({
      cellId: "t3.r2.natural",
      label: "二、上年结转政府信息公开申请数量·自然人",
      value: 3,
    });
    expect(plan.cells).toContainEqual({
      cellId: "t3.r2.research",
      label: "二、上年结转政府信息公开申请数量·科研机构",
      value: 0,
    });
    expect(plan.cells).toContainEqual({
      cellId: "t2.normative.inForce",
      label: "行政规范性文件·现行有效件数",
      value: 3,
    });
    expect(plan.differences).toEqual([]);
    const offered = plan.narrative.map((n) => n.id);
    expect(offered).toEqual(["s1.active", "s1.onRequest", "s1.management", "s1.platform", "s1.oversight", "s5", "s6"]);
    expect(offered).not.toContain("preamble");
  });

  it("never overwrites a figure the clerk entered; lists the difference", () => {
    const current = { ...blank2024, cells: { ...blank2024.cells, "t3.r2.natural": 5, "t3.r2.business": 1 } };
    const plan = planCarryOver(gov2021, current, lastYear);
    expect(plan.cells.map((c) => c.cellId)).not.toContain("t3.r2.natural");
    expect(plan.cells.map((c) => c.cellId)).not.toContain("t3.r2.business");
    expect(plan.differences).toEqual([
      { cellId: "t3.r2.natural", label: "二、上年结转政府信息公开申请数量·自然人", current: 5, lastYear: 3 },
    ]);
  });

  it("carried figures satisfy the cross-year rule", () => {
    const plan = planCarryOver(gov2021, blank2024, lastYear);
    const cells = { ...blank2024.cells };
    for (const c of plan.cells) cells[c.cellId] = c.value;
    const findings = evaluateReport({ data: { ...blank2024, cells }, layout: gov2021, previousYear: lastYear });
    expect(findings.filter((f) => f.ruleId === "crossYear.carryOver")).toEqual([]);
  });

  it("from a gov-2019 report: table 三 carries, table 二 (other columns) does not", () => {
    const plan = planCarryOver(gov2021, { ...blank2024, meta: { ...blank2024.meta, year: 2021 } }, seed001.data);
    expect(plan.cells.every((c) => c.cellId.startsWith("t3.r2."))).toBe(true);
    expect(plan.narrative.map((n) => n.id)).toContain("s1");
  });
});
