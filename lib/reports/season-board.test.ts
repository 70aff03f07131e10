/**
 * The season board and reminders (催报) against a real PostgreSQL: 阳城县's five units in
 * every state, the board's flags and counts on a chosen day, its exports, and reminders
 * that reach exactly the chosen units' clerks, refusing anything outside the county.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createAccount } from "@/prisma/seed/create-account";
import { failureOf, setUpReviewDatabase } from "./testing/review-database";

const modules = setUpReviewDatabase("nianbao_season", () =>
  Promise.all([
    import("./get-season-board"),
    import("./export-season-board"),
    import("./send-season-notice"),
    import("./list-season-notices"),
    import("./mark-season-notice-read"),
    import("./return-report"),
    import("./approve-report"),
    import("./evaluate-stored-report"),
  ]),
);
const year = 2025;
// 5 February 2026 in China: five days after the units' default deadline (31 January).
const now = new Date("2026-02-05T04:00:00Z");

async function organizationIdOf(username: string): Promise<string> {
  return (await modules.steps.actorFor(username)).organizationId!;
}

/** 董封 published, 凤城 submitted, 北留 returned three days ago, 白桑 a draft, 县政府办 not started. */
async function seedSeason() {
  const { steps, db, returnReport, approveReport } = modules;
  const reviewer = await steps.actorFor("yangcheng-review");
  const reports: Record<string, string> = {};
  for (const username of ["dongfeng", "fengcheng", "beiliu", "baisang"]) {
    const { clerk, reportId } = await steps.saveCleanReportAsClerk(username, year);
    if (username !== "baisang") await steps.submitReportAsClerk(clerk, reportId);
    reports[username] = reportId;
  }
  const version = async (id: string) =>
    (await db.report.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  await approveReport(reviewer, {
    reportId: reports.dongfeng!,
    expectedVersion: await version(reports.dongfeng!),
    publish: true,
  });
  await returnReport(reviewer, {
    reportId: reports.beiliu!,
    expectedVersion: await version(reports.beiliu!),
    comment: "请核对第三部分。",
  });
  // The return three days before `now`; the publication on the deadline.
  await db.reportRevision.updateMany({
    where: { reportId: reports.beiliu!, status: "RETURNED" },
    data: { createdAt: new Date("2026-02-02T02:00:00Z") },
  });
  await db.publication.updateMany({
    where: { reportId: reports.dongfeng! },
    data: { publishedAt: new Date("2026-01-31T02:00:00Z"), publicationDate: new Date("2026-01-31T00:00:00Z") },
  });
  return { reviewer, reports };
}

describe("the season board", () => {
  it("shows every unit that must report with its status, deadline, return, comments and findings", async () => {
    const { steps, getSeasonBoard, viewSeasonBoard } = modules;
    const { reviewer, reports } = await seedSeason();
    const built = await getSeasonBoard(reviewer, reviewer.organizationId, year, now);
    const byName = new Map(built.rows.map((row) => [row.organization.name, row]));
    // The county itself has no clerk and no report: the reviewers sit there, it does not report.
    expect([...byName.keys()].sort()).toEqual(
      ["北留镇人民政府", "凤城镇人民政府", "白桑乡人民政府", "董封乡人民政府", "阳城县人民政府办公室"].sort(),
    );
    expect(byName.get("董封乡人民政府")).toMatchObject({
      status: "PUBLISHED",
      standing: { kind: "published", daysLate: 0 },
    });
    expect(byName.get("凤城镇人民政府")).toMatchObject({
      status: "SUBMITTED",
      standing: { kind: "overdue", daysLate: 5 },
      returnedUntouchedDays: null,
      findings: { errors: 0 },
    });
    expect(byName.get("凤城镇人民政府")!.submittedAt).toBeInstanceOf(Date);
    expect(byName.get("北留镇人民政府")).toMatchObject({ status: "RETURNED", returnedUntouchedDays: 3 });
    expect(byName.get("白桑乡人民政府")).toMatchObject({ status: "DRAFT", submittedAt: null });
    expect(byName.get("阳城县人民政府办公室")).toMatchObject({ status: "NOT_STARTED", report: null, findings: null });
    expect(built.counts).toMatchObject({ expected: 5, overdue: 4, returnedUntouched: 1 });
    expect(built.counts.byStatus).toMatchObject({ PUBLISHED: 1, SUBMITTED: 1, RETURNED: 1, DRAFT: 1, NOT_STARTED: 1 });

    // Before the deadline the same units have days left.
    const early = await getSeasonBoard(reviewer, reviewer.organizationId, year, new Date("2026-01-26T04:00:00Z"));
    expect(early.rows.find((row) => row.status === "DRAFT")!.standing).toEqual({ kind: "open", daysLeft: 5 });
    expect(early.counts.overdue).toBe(0);

    // Filter and sort: overdue first by default; the returned one alone under its flag.
    const view = viewSeasonBoard(built.rows, { sort: "deadline", dir: "asc" });
    expect(view.at(-1)!.status).toBe("PUBLISHED");
    expect(viewSeasonBoard(built.rows, { flag: "returnedUntouched", sort: "name", dir: "asc" })).toHaveLength(1);
    expect(viewSeasonBoard(built.rows, { status: "DRAFT", sort: "name", dir: "asc" })).toHaveLength(1);

    // The clerk edits the returned report: no longer untouched, and its findings are the new data's.
    expect(byName.get("北留镇人民政府")!.findings).toEqual({ errors: 0, warnings: 0 });
    const beiliu = await steps.actorFor("beiliu");
    await steps.saveReportDataAsClerk(
      beiliu,
      reports.beiliu!,
      steps.cleanReportData("北留镇人民政府", year, { "t3.r1.natural": 36 }),
    );
    const edited = await getSeasonBoard(reviewer, reviewer.organizationId, year, now);
    expect(edited.rows.find((row) => row.status === "RETURNED")!.returnedUntouchedDays).toBeNull();
    expect(edited.rows.find((row) => row.status === "RETURNED")!.findings!.errors).toBeGreaterThan(0);
    expect(edited.counts.returnedUntouched).toBe(0);

    // An imported document that states no 发布日期 was published on a day nobody knows: not
    // late by the day it was imported here, and not counted as on time either.
    const dongfeng = await modules.db.publication.findFirstOrThrow({
      where: { reportId: reports.dongfeng! },
      select: { id: true, publicationDate: true },
    });
    await modules.db.publication.update({ where: { id: dongfeng.id }, data: { publicationDate: null } });
    const undated = await getSeasonBoard(reviewer, reviewer.organizationId, year, now);
    expect(undated.rows.find((row) => row.status === "PUBLISHED")!.standing).toEqual({ kind: "publishedUndated" });
    expect(undated.counts.overdue).toBe(built.counts.overdue);
    await modules.db.publication.update({
      where: { id: dongfeng.id },
      data: { publicationDate: dongfeng.publicationDate },
    });
  });

  it("counts the findings the submit gate finds: last year only as published, never a draft", async () => {
    const { steps, db, getSeasonBoard, evaluateStoredReport } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    // 白桑乡's 2024 report is a draft carrying 5 cases over; its 2025 report carries none
    // over. Unpublished, last year is not the public's: no carry-over warning on either side.
    await steps.saveCleanReportAsClerk("baisang", year - 1, { "t3.r4.natural": 5 });
    const built = await getSeasonBoard(reviewer, reviewer.organizationId, year, now);
    const rows = built.rows.filter((row) => row.report);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const stored = await db.report.findUniqueOrThrow({
        where: { id: row.report!.id },
        select: {
          templateId: true,
          data: true,
          year: true,
          organization: { select: { id: true, name: true, kind: true } },
        },
      });
      const { findings } = await evaluateStoredReport(stored);
      expect(row.findings, row.organization.name).toEqual({
        errors: findings.filter((finding) => finding.severity === "error").length,
        warnings: findings.filter((finding) => finding.severity === "warning").length,
      });
    }
    expect(rows.find((row) => row.organization.name === "白桑乡人民政府")!.findings).toEqual({
      errors: 0,
      warnings: 0,
    });
  });

  it("exports as CSV with a byte order mark and as .xlsx with the count line", async () => {
    const { steps, getSeasonBoard, exportSeasonBoard } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const built = await getSeasonBoard(reviewer, reviewer.organizationId, year, now);
    const csv = await exportSeasonBoard(built, built.rows, "csv");
    expect([...csv.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.body);
    expect(text.startsWith("\uFEFF单位,类型,状态,报送时间,公布期限,期限情况")).toBe(true);
    expect(text).toContain("凤城镇人民政府,镇,已提交,");
    expect(text).toContain("逾期 5 天");
    expect(text.trim().split("\r\n")).toHaveLength(1 + built.rows.length);

    const xlsx = await exportSeasonBoard(built, built.rows, "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell("A1").value)).toContain("应报 5 · 已发布 1");
    expect(sheet.getCell("A2").value).toBe("单位");
    expect(sheet.rowCount).toBe(2 + built.rows.length);
  });

  it("is the county's reviewers' and administrators': another county, a clerk, anonymous are refused", async () => {
    const { steps, getSeasonBoard, db } = modules;
    const countyId = (await steps.actorFor("yangcheng-review")).organizationId!;
    const countyAdmin = await createAccount(db, {
      username: "yangcheng-admin",
      name: "阳城县管理员",
      role: "COUNTY_ADMIN",
      organizationId: countyId,
      password: "not-used-here-1",
      mustChangePassword: false,
    });
    const admin = await steps.actorFor("admin");
    await expect(
      getSeasonBoard({ userId: countyAdmin.id, role: "COUNTY_ADMIN", organizationId: countyId }, countyId, year, now),
    ).resolves.toMatchObject({ counts: { expected: 5 } });
    await expect(getSeasonBoard(admin, countyId, year, now)).resolves.toMatchObject({ counts: { expected: 5 } });
    expect((await failureOf(getSeasonBoard(await steps.actorFor("yanchi-review"), countyId, year, now))).code).toBe(
      "NOT_FOUND",
    );
    expect((await failureOf(getSeasonBoard(await steps.actorFor("dongfeng"), countyId, year, now))).code).toBe(
      "NOT_FOUND",
    );
    expect((await failureOf(getSeasonBoard(null, countyId, year, now))).code).toBe("UNAUTHENTICATED");
  });
});

describe("reminders (催报)", () => {
  it("reach the chosen units' clerks, with the deadline, are audited and can be marked read", async () => {
    const { steps, sendSeasonNotice, defaultNoticeText, listSeasonNotices, markSeasonNoticeRead, db } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const chosen = [await organizationIdOf("baisang"), await organizationIdOf("yczfb")];
    const sent = await sendSeasonNotice(
      reviewer,
      reviewer.organizationId,
      { year, organizationIds: chosen, body: defaultNoticeText(year, "2026-01-31") },
      now,
    );
    expect(sent.recipients).toBe(2);

    const baisang = await steps.actorFor("baisang");
    const seen = await listSeasonNotices(baisang, baisang.organizationId, year, now);
    expect(seen.notices).toHaveLength(1);
    expect(seen.notices[0]).toMatchObject({ deadline: "2026-01-31", readAt: null });
    expect(seen.notices[0]!.body).toContain("2026 年 1 月 31 日前");
    expect(seen.deadline).toEqual({ day: "2026-01-31", standing: { kind: "overdue", daysLate: 5 } });

    const beiliu = await steps.actorFor("beiliu");
    const notChosen = await listSeasonNotices(beiliu, beiliu.organizationId, year, now);
    expect(notChosen.notices).toEqual([]);
    // 北留镇's report was returned (and edited since, by the first test): still to be resubmitted.
    expect(notChosen.returned).toEqual([{ year, days: 3, isUntouched: false }]);

    const audit = await db.auditEvent.findMany({
      where: { action: "season.remind" },
      select: { organizationId: true },
    });
    expect(audit.map((event) => event.organizationId).sort()).toEqual([...chosen].sort());

    // Another unit's clerk cannot mark it read; its own can, once.
    const noticeId = seen.notices[0]!.id;
    expect((await failureOf(markSeasonNoticeRead(beiliu, { noticeId }))).code).toBe("NOT_FOUND");
    await markSeasonNoticeRead(baisang, { noticeId });
    const read = await listSeasonNotices(baisang, baisang.organizationId, year, now);
    expect(read.notices[0]!.readAt).toBeInstanceOf(Date);
    expect((await failureOf(listSeasonNotices(reviewer, baisang.organizationId, year, now))).code).toBe("FORBIDDEN");
  });

  it("refuses bad text, units outside the county and forged ids in zh-CN, storing nothing", async () => {
    const { steps, sendSeasonNotice, sendSeasonNoticeInput, db } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const baisang = await organizationIdOf("baisang");
    const before = await db.seasonNotice.count();
    const refusedInput = (body: string) => sendSeasonNoticeInput.safeParse({ year, organizationIds: [baisang], body });
    expect(refusedInput("   ").error?.issues[0]?.message).toBe("请填写催报内容");
    expect(refusedInput("催".repeat(501)).error?.issues[0]?.message).toBe("催报内容不超过 500 字");
    expect(refusedInput("请尽快\u0007报送").error?.issues[0]?.message).toBe(
      "催报内容含有无法显示的控制字符，请删除后重试。",
    );
    expect(
      sendSeasonNoticeInput.safeParse({ year, organizationIds: ["not-an-id"], body: "请报送" }).error?.issues[0]
        ?.message,
    ).toBe("所选单位无效，请刷新页面后重新选择");
    expect(sendSeasonNoticeInput.safeParse({ year, organizationIds: [], body: "请报送" }).success).toBe(false);

    const outside = [baisang, await organizationIdOf("wangyuejing")];
    for (const organizationIds of [
      outside,
      [baisang, "00000000-0000-4000-8000-000000000000"],
      [reviewer.organizationId!],
    ]) {
      const refusal = await failureOf(
        sendSeasonNotice(reviewer, reviewer.organizationId, { year, organizationIds, body: "请报送" }, now),
      );
      expect(refusal.code).toBe("INVALID_INPUT");
      expect(refusal.userMessage).toContain("不属于本县（区）本年度应报范围");
    }
    // Another county's reviewer, a clerk: refused before anything is read.
    const input = { year, organizationIds: [baisang], body: "请报送" };
    const yanchi = await steps.actorFor("yanchi-review");
    expect((await failureOf(sendSeasonNotice(yanchi, reviewer.organizationId, input, now))).code).toBe("NOT_FOUND");
    const clerk = await steps.actorFor("dongfeng");
    expect((await failureOf(sendSeasonNotice(clerk, reviewer.organizationId, input, now))).code).toBe("NOT_FOUND");
    expect(await db.seasonNotice.count()).toBe(before);
  });
});
