/**
 * The county summary against a real PostgreSQL, in the demo county 阳城县 (five units): only
 * approved and published reports are added, the others are listed with their status, a unit
 * whose own tables break a rule is named, the sums equal the test's own; who may read it and
 * who may choose the county's mode; a county report in 全县 mode is warned where it differs.
 */
import { describe, expect, it } from "vitest";
import type { ReportData } from "@/lib/report-data";
import { compileLayout, layoutForYear } from "@/lib/template";
import { failureOf, setUpReviewDatabase } from "./testing/review-database";

const modules = setUpReviewDatabase("nianbao_summary", async () => ({
  summary: await import("./get-county-summary"),
  mode: await import("./set-county-report-mode"),
  approve: await import("./approve-report"),
  evaluate: await import("./evaluate-stored-report"),
}));
const year = 2025;
const layout = layoutForYear(year)!;

async function organizationId(name: string): Promise<string> {
  return (await modules.db.organization.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
}

/** The clerk's report of `username`, stored with `cells` and taken to `to`. */
async function reportOf(username: string, cells: Record<string, number>, to: "DRAFT" | "SUBMITTED" | "APPROVED") {
  const { steps, approve } = modules;
  const clerk = await steps.actorFor(username);
  const reportId = await steps.startReportAsClerk(clerk, year);
  const unit = await modules.db.organization.findUniqueOrThrow({ where: { id: clerk.organizationId! } });
  const data = steps.cleanReportData(unit.name, year, cells);
  await steps.saveReportDataAsClerk(clerk, reportId, data);
  if (to !== "DRAFT") {
    const version = await steps.submitReportAsClerk(clerk, reportId);
    if (to === "APPROVED")
      await approve.approveReport(await steps.actorFor("yangcheng-review"), { reportId, expectedVersion: version });
  }
  return {
    reportId,
    data: (await modules.db.report.findUniqueOrThrow({ where: { id: reportId } })).data as ReportData,
  };
}

describe("the county summary of 阳城县", () => {
  it("adds the reviewed reports, lists the others, names the unit whose tables are wrong", async () => {
    const { db, steps, summary } = modules;
    const dongfeng = await reportOf("dongfeng", {}, "APPROVED");
    const fengcheng = await reportOf("fengcheng", { "t2.rules.issued": 4, "t2.fees.amount": 0.25 }, "APPROVED");
    await reportOf("baisang", {}, "SUBMITTED");
    await reportOf("yczfb", {}, "DRAFT");
    // 北留镇's report came in published with 一、本年新收 not matching what it handled (as an
    // imported report can): its own balance is broken.
    const beiliuId = await organizationId("北留镇人民政府");
    const broken = steps.cleanReportData("北留镇人民政府", year, { "t3.r1.natural": 40, "t3.r1.total": 40 });
    const beiliu = await db.report.create({
      data: {
        organizationId: beiliuId,
        year,
        templateId: layout.id,
        templateVersion: layout.version,
        status: "PUBLISHED",
        data: JSON.parse(JSON.stringify(broken)),
      },
    });

    const reviewer = await steps.actorFor("yangcheng-review");
    const result = await summary.getCountySummary(reviewer, await organizationId("阳城县"), year);

    expect(result.included.map((unit) => unit.unitName).sort()).toEqual(
      ["董封乡人民政府", "凤城镇人民政府", "北留镇人民政府"].sort(),
    );
    expect(result.excluded.map((unit) => [unit.unitName, unit.reason]).sort()).toEqual(
      [
        ["白桑乡人民政府", "已提交"],
        ["阳城县人民政府办公室", "草稿"],
      ].sort(),
    );
    expect(result.inconsistentUnits.map((unit) => [unit.unitName, unit.reportId])).toEqual([
      ["北留镇人民政府", beiliu.id],
    ]);
    expect(result.inconsistentUnits[0]?.findings.map((finding) => finding.ruleId)).toContain("t3.balance");
    // The summed tables inherit the wrong balance, and the rule engine says so.
    expect(result.findings.map((finding) => finding.ruleId)).toContain("t3.balance");

    const parts = [dongfeng.data, fengcheng.data, broken];
    for (const cell of compileLayout(layout).inputCells) {
      const expected = parts.reduce((sum, part) => sum + (part.cells[cell.id] ?? 0), 0);
      expect(result.data.cells[cell.id], cell.id).toBeCloseTo(expected, 4);
    }
    expect(result.contributions["t3.r1.natural"]?.map((c) => [c.unitName, c.value])).toEqual([
      ["北留镇人民政府", 40],
      ["董封乡人民政府", 35],
      ["凤城镇人民政府", 35],
    ]);
  });

  it("is not found for another county's reviewer, a township's clerk, or a township", async () => {
    const { steps, summary } = modules;
    const countyId = await organizationId("阳城县");
    expect(
      (await failureOf(summary.getCountySummary(await steps.actorFor("yanchi-review"), countyId, year))).code,
    ).toBe("NOT_FOUND");
    expect((await failureOf(summary.getCountySummary(await steps.actorFor("dongfeng"), countyId, year))).code).toBe(
      "NOT_FOUND",
    );
    const township = await organizationId("董封乡人民政府");
    expect(
      (await failureOf(summary.getCountySummary(await steps.actorFor("yangcheng-review"), township, year))).code,
    ).toBe("NOT_FOUND");
  });

  it("in 全县 mode, warns the county government's report of each figure that differs from the sum", async () => {
    const { db, steps, summary, mode, evaluate } = modules;
    const countyId = await organizationId("阳城县");
    // Only administrators choose the mode; the reviewer is refused and nothing changes.
    expect(
      (
        await failureOf(
          mode.setCountyReportMode(await steps.actorFor("yangcheng-review"), { countyId, mode: "COUNTY_WIDE" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const admin = await steps.actorFor("admin");
    await mode.setCountyReportMode(admin, { countyId, mode: "COUNTY_WIDE" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: countyId } })).countyReportMode).toBe("COUNTY_WIDE");
    expect(await db.auditEvent.count({ where: { action: "county.setReportMode", organizationId: countyId } })).toBe(1);

    // The county government's own clerk.
    const user = await db.user.create({
      data: {
        id: "county-clerk",
        name: "阳城县 填报员",
        email: "county-clerk@test.invalid",
        role: "CLERK",
        organizationId: countyId,
      },
    });
    const clerk = { userId: user.id, role: "CLERK" as const, organizationId: countyId };
    const reportId = await steps.startReportAsClerk(clerk, year);
    const report = await db.report.findUniqueOrThrow({ where: { id: reportId }, include: { organization: true } });
    const context = await summary.getCountyReportSummary(clerk, report);
    expect(context?.includedCount).toBe(3);
    expect(context?.sources["t3.r1.natural"]).toBe("北留镇人民政府 40、董封乡人民政府 35、凤城镇人民政府 35");

    const stated = { ...context!.data.cells, "t2.rules.issued": (context!.data.cells["t2.rules.issued"] ?? 0) + 1 };
    await steps.saveReportDataAsClerk(clerk, reportId, {
      ...steps.cleanReportData("阳城县", year),
      cells: stated,
    });
    const saved = await db.report.findUniqueOrThrow({ where: { id: reportId }, include: { organization: true } });
    const { findings } = await evaluate.evaluateStoredReport(saved);
    expect(findings.filter((f) => f.ruleId === "county.summary").map((f) => [f.severity, f.cellIds])).toEqual([
      ["warning", ["t2.rules.issued"]],
    ]);

    // Back to 本级: the same report is no longer compared with the sum.
    await mode.setCountyReportMode(admin, { countyId, mode: "OWN" });
    const own = await evaluate.evaluateStoredReport(saved);
    expect(own.findings.filter((f) => f.ruleId === "county.summary")).toEqual([]);
    expect(await summary.getCountyReportSummary(clerk, report)).toBeNull();
  });
});
