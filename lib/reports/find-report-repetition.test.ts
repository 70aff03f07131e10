/**
 * 雷同 against real stored reports: the clerk's wizard gets, per part, only the share and its
 * own repeated words, against the reports other units of the county have handed in; the
 * reviewer sees each unit of the county by name, and last year's own report.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/workflow/policy";
import { setUpReviewDatabase } from "./testing/review-database";

const modules = setUpReviewDatabase("nianbao_repetition", async () => ({
  repetition: await import("./find-report-repetition"),
  authorizeReport: (await import("./authorize-report")).authorizeReport,
  approveReport: (await import("./approve-report")).approveReport,
  setRepetitionThreshold: (await import("@/lib/organizations/set-repetition-threshold")).setRepetitionThreshold,
}));
const year = 2025;

const platform =
  "依托县政府门户网站开设本乡信息公开专栏，设置机构职能、政策文件、财政信息、重点领域四个栏目，" +
  "专人负责更新维护，确保信息发布准确及时。";
const oversight =
  "成立政务公开工作领导小组，由乡长任组长，分管副乡长任副组长，各站所负责人为成员，定期研究部署公开工作。";
const active =
  "本乡坚持以公开为常态、不公开为例外，全年通过公开栏和门户网站主动公开政府信息一百二十条，群众满意度明显提升。";

async function reportOf(username: string, reportYear: number, narrative: Record<string, string>, submit = false) {
  const { steps, db } = modules;
  const clerk = await steps.actorFor(username);
  const reportId = await steps.startReportAsClerk(clerk, reportYear);
  const { name } = await db.organization.findUniqueOrThrow({
    where: { id: clerk.organizationId! },
    select: { name: true },
  });
  const data = steps.cleanReportData(name, reportYear);
  await steps.saveReportDataAsClerk(clerk, reportId, { ...data, narrative: { ...data.narrative, ...narrative } });
  const version = submit ? await steps.submitReportAsClerk(clerk, reportId) : null;
  return { clerk, reportId, name, version };
}

describe("雷同 of a stored report", () => {
  it("tells the clerk the share and its own words only, and the reviewer whose", async () => {
    const { steps, repetition, authorizeReport, approveReport } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    // Last year's own report counts once published, as the public has it.
    const lastYear = await reportOf("dongfeng", year - 1, { "s1.active": active }, true);
    await approveReport(reviewer, { reportId: lastYear.reportId, expectedVersion: lastYear.version!, publish: true });
    const own = await reportOf("dongfeng", year, {
      "s1.platform": platform,
      "s1.oversight": oversight,
      "s1.active": active,
    });
    const fengcheng = await reportOf("fengcheng", year, { "s1.platform": platform }, true);
    const beiliu = await reportOf("beiliu", year, { "s1.oversight": oversight }); // a draft
    await reportOf("wangyuejing", year, { "s1.platform": platform, "s1.oversight": oversight }, true); // another county

    const clerkView = await repetition.findCountyRepetitionForClerk(
      await authorizeReport(own.clerk, "report.read", own.reportId),
    );
    // Only the submitted report of the same county counts; the draft and the other county do not.
    expect(clerkView).toEqual({
      thresholdPercent: 50,
      county: [{ fieldId: "s1.platform", percent: 100, passageTexts: [platform.slice(0, -1)] }],
    });
    expect(JSON.stringify(clerkView)).not.toContain(fengcheng.name);

    const review = await repetition.repetitionForReview(
      await authorizeReport(reviewer, "report.read", own.reportId),
      reviewer,
    );
    expect(review.thresholdPercent).toBe(50);
    const part = (fieldId: string) => review.parts.find((entry) => entry.fieldId === fieldId);
    expect(part("s1.platform")?.otherUnits.map((unit) => [unit.organizationName, unit.status, unit.percent])).toEqual([
      [fengcheng.name, "SUBMITTED", 100],
    ]);
    expect(part("s1.oversight")?.otherUnits.map((unit) => [unit.organizationName, unit.status])).toEqual([
      [beiliu.name, "DRAFT"],
    ]);
    expect(part("s1.active")?.previousYear).toMatchObject({ percent: 100, isOverThreshold: true });
    expect(part("s1.active")?.otherUnits).toEqual([]);
    // The standard opening is the template's: 0%, whatever last year's said.
    expect(part("preamble")?.previousYear).toMatchObject({ percent: 0, isOverThreshold: false });
    // Another county's reviewer does not find the report; its own clerk reads no other unit.
    const stranger = steps.actorFor("yanchi-review");
    await expect(authorizeReport(await stranger, "report.read", own.reportId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const asClerk = await repetition.repetitionForReview(
      await authorizeReport(own.clerk, "report.read", own.reportId),
      own.clerk as Actor,
    );
    expect(asClerk.parts.flatMap((entry) => entry.otherUnits)).toEqual([]);
  });

  it("uses the county's own threshold, set by its administrator and audited", async () => {
    const { steps, db, repetition, authorizeReport, setRepetitionThreshold } = modules;
    const admin = await steps.actorFor("admin");
    const reviewer = await steps.actorFor("yangcheng-review");
    const countyId = reviewer.organizationId!;
    // 凤城镇 handed in the same 平台建设 text in the test above.
    const own = await reportOf("baisang", year, { "s1.platform": platform });
    const clerkThreshold = async () =>
      (await repetition.findCountyRepetitionForClerk(await authorizeReport(own.clerk, "report.read", own.reportId)))
        .thresholdPercent;

    // Only the county's administrator (here the system administrator) sets it; a reviewer may
    // not, a township is not a county, and an id that is no county is not found.
    await expect(setRepetitionThreshold(reviewer, { countyId, percent: 80 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      setRepetitionThreshold(admin, { countyId: own.clerk.organizationId!, percent: 80 }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: "雷同提示阈值只能为县（区）设置。" });
    await expect(setRepetitionThreshold(admin, { countyId: "not-a-county", percent: 80 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await clerkThreshold()).toBe(50);

    // At 100% nothing is over the threshold: a part would have to repeat more than all of itself.
    await setRepetitionThreshold(admin, { countyId, percent: 100 });
    const strict = await repetition.findCountyRepetitionForClerk(
      await authorizeReport(own.clerk, "report.read", own.reportId),
    );
    expect(strict).toEqual({ thresholdPercent: 100, county: [] });
    const review = await repetition.repetitionForReview(
      await authorizeReport(reviewer, "report.read", own.reportId),
      reviewer,
    );
    expect(review.thresholdPercent).toBe(100);
    expect(review.parts.flatMap((part) => part.otherUnits)).toEqual([]);

    // Back to the server's default.
    await setRepetitionThreshold(admin, { countyId, percent: null });
    expect(await clerkThreshold()).toBe(50);
    const events = await db.auditEvent.findMany({
      where: { action: "county.setRepetitionThreshold", organizationId: countyId },
      orderBy: { createdAt: "asc" },
      select: { detail: true, actorId: true },
    });
    expect(events).toEqual([
      { detail: { before: null, after: 100 }, actorId: admin.userId },
      { detail: { before: 100, after: null }, actorId: admin.userId },
    ]);
  });
});
