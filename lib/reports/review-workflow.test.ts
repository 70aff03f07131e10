/**
 * The county review and publication against a real PostgreSQL: comments, return with the
 * data snapshot and the diff since, approval, publication of an immutable snapshot,
 * correction with a 更正说明, and the races (two reviewers, double clicks) that must
 * produce exactly one transition.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/server/errors";
import { failureOf, setUpReviewDatabase } from "./testing/review-database";

const modules = setUpReviewDatabase("nianbao_review", async () => ({
  comment: await import("./add-review-comment"),
  returning: await import("./return-report"),
  approve: await import("./approve-report"),
  publish: await import("./publish-report"),
  reopen: await import("./reopen-report-for-correction"),
  transition: await import("./transition-report"),
  authorizeReport: (await import("./authorize-report")).authorizeReport,
  review: await import("./get-review-report"),
  queue: await import("./list-review-queue"),
  evaluate: await import("./evaluate-stored-report"),
}));
const year = 2025;
const workDir = mkdtempSync(path.join(tmpdir(), "nianbao-review-"));

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
});

function pdfText(pdf: Uint8Array): string {
  const file = path.join(workDir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** A submitted report of `clerkName`'s organization with clean data, returning its id and version. */
const submitted = (clerkName: string, cells: Record<string, number> = {}) =>
  modules.steps.submitCleanReportAsClerk(clerkName, year, cells);

describe("review of a submitted report", () => {
  it("comments, returns with a snapshot, shows the changes since, approves and publishes a frozen PDF", async () => {
    const { steps, comment, returning, approve, review, db } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const { clerk, reportId, version } = await submitted("dongfeng");

    // Comments: a cell, a row and a section of this layout; anything else is refused in zh-CN.
    for (const [target, body] of [
      ["cell:t2.rules.issued", "规章件数请核实"],
      ["row:t3.r3_1", "予以公开一行请核对"],
      ["section:s5", "请补充改进措施"],
    ] as const) {
      await comment.addReviewComment(reviewer, { reportId, target, body, expectedVersion: version });
    }
    expect(
      (
        await failureOf(
          comment.addReviewComment(reviewer, {
            reportId,
            target: "cell:t9.nothing.here",
            body: "x",
            expectedVersion: version,
          }),
        )
      ).userMessage,
    ).toBe("批注位置不在本报告中，请重新选择。");
    expect(
      comment.addReviewCommentInput.safeParse({
        reportId,
        target: "cell:t2.rules.issued",
        body: "长".repeat(1001),
        expectedVersion: version,
      }).error?.issues[0]?.message,
    ).toBe("批注不超过 1000 字");
    expect(
      comment.addReviewCommentInput.safeParse({
        reportId,
        target: "cell:t2.rules.issued",
        body: "   ",
        expectedVersion: version,
      }).error?.issues[0]?.message,
    ).toBe("请填写批注内容");
    expect(
      comment.addReviewCommentInput.safeParse({
        reportId,
        target: "cell:<script>",
        body: "x",
        expectedVersion: version,
      }).error?.issues[0]?.message,
    ).toBe("批注位置无效");
    expect(
      comment.addReviewCommentInput.safeParse({
        reportId,
        target: "section:s5",
        body: "a\u0000b",
        expectedVersion: version,
      }).error?.issues[0]?.message,
    ).toBe("批注含有无法显示的控制字符，请删除后重试。");
    expect(
      comment.addReviewCommentInput.safeParse({
        reportId,
        target: "section:s5",
        body: "<script>alert(1)</script>\n😀𠀀",
        expectedVersion: version,
      }).success,
    ).toBe(true);
    expect(
      comment.addReviewCommentInput.safeParse({
        reportId,
        target: "section:s5",
        body: "x",
        expectedVersion: version,
        authorId: "forged",
      }).success,
    ).toBe(false);
    // Another county's reviewer and the clerk cannot comment; the other county cannot even see it.
    expect(
      (
        await failureOf(
          comment.addReviewComment(await steps.actorFor("yanchi-review"), {
            reportId,
            target: "section:s5",
            body: "x",
            expectedVersion: version,
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await failureOf(
          comment.addReviewComment(clerk, { reportId, target: "section:s5", body: "x", expectedVersion: version }),
        )
      ).code,
    ).toBe("FORBIDDEN");

    // Return: a comment is required; the data as seen is kept.
    expect(
      returning.returnReportInput.safeParse({ reportId, expectedVersion: version, comment: " " }).error?.issues[0]
        ?.message,
    ).toBe("退回时请说明需要修改的内容。");
    const returned = await returning.returnReport(reviewer, {
      reportId,
      expectedVersion: version,
      comment: "请核实规章件数",
    });
    expect(returned.status).toBe("RETURNED");
    // Comments are closed while the report is back with the clerk.
    expect(
      (
        await failureOf(
          comment.addReviewComment(reviewer, {
            reportId,
            target: "section:s5",
            body: "x",
            expectedVersion: returned.version,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");

    // The clerk fixes one figure and one paragraph and resubmits.
    const clean = steps.cleanReportData("董封乡人民政府", year, { "t2.rules.issued": 4321 });
    const fixed = { ...clean, narrative: { ...clean.narrative, s5: "五、存在的主要问题及改进情况：已补充改进措施。" } };
    await steps.saveReportDataAsClerk(clerk, reportId, fixed);
    const resubmitted = await steps.submitReportAsClerk(clerk, reportId);

    const page = await review.getReviewReport(reviewer, reportId);
    expect(page.report.status).toBe("SUBMITTED");
    expect(page.changes?.list.map((change) => [change.kind, change.id, change.before, change.after])).toEqual([
      [
        "narrative",
        "s5",
        "五、存在的主要问题及改进情况：按照要求做好相关工作。",
        "五、存在的主要问题及改进情况：已补充改进措施。",
      ],
      ["cell", "t2.rules.issued", 2, 4321],
    ]);
    expect(page.comments.map((entry) => entry.target)).toEqual(["cell:t2.rules.issued", "row:t3.r3_1", "section:s5"]);
    expect(page.errors).toEqual([]);
    expect(page.can.transitions).toEqual(["return", "approve"]);
    expect(page.history.map((event) => event.toStatus)).toEqual(["DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED"]);

    // Approve and publish: one immutable publication whose PDF carries the figures.
    const published = await approve.approveReport(reviewer, { reportId, expectedVersion: resubmitted, publish: true });
    expect(published).toMatchObject({ status: "PUBLISHED", sequence: 1 });
    const publication = await db.publication.findUniqueOrThrow({
      where: { reportId_sequence: { reportId, sequence: 1 } },
    });
    expect(publication.correctionNote).toBeNull();
    const text = pdfText(publication.pdf);
    expect(text).toContain("董封乡人民政府");
    expect(text).toMatch(/\b4321\b/);
    expect(text).toMatch(/\b1204\b/);
    expect(text).toContain("已补充改进措施");
    expect(publication.html).toContain('data-cell-id="t2.rules.issued"');
    expect((publication.data as { cells: Record<string, number> }).cells["t2.rules.issued"]).toBe(4321);
  });

  it("refuses approval while the server's rules find errors, and a reviewer of another county", async () => {
    const { steps, approve, db } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const { reportId, version } = await submitted("fengcheng");
    // Break the stored data behind the gate (as an older rule set might have let through).
    const report = await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { data: true } });
    const data = report.data as { cells: Record<string, number> };
    data.cells["t3.r3_7.natural"] = 99;
    await db.report.update({ where: { id: reportId }, data: { data } });
    const refused = await failureOf(approve.approveReport(reviewer, { reportId, expectedVersion: version }));
    expect(refused.code).toBe("INVALID_STATE");
    expect(refused.userMessage).toMatch(/^报告还有 \d+ 处错误，改正后才能审核通过。$/);
    expect(
      (
        await failureOf(
          approve.approveReport(await steps.actorFor("yanchi-review"), { reportId, expectedVersion: version }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });
});

describe("warnings", () => {
  it("shows each warning of the server's rule run with the clerk's reason", async () => {
    const { steps, review } = modules;
    const clerk = await steps.actorFor("wangyuejing");
    const reportId = await steps.startReportAsClerk(clerk, year);
    const clean = steps.cleanReportData("盐池县王乐井乡人民政府", year);
    // The text says 36 requests, the table 35: a warning, not an error.
    await steps.saveReportDataAsClerk(clerk, reportId, {
      ...clean,
      narrative: { ...clean.narrative, "s1.onRequest": "（二）依申请公开：本年度共收到政府信息公开申请36件。" },
    });
    await steps.submitReportAsClerk(clerk, reportId, "其中1件为重复申请，已合并办理。");
    const page = await review.getReviewReport(await steps.actorFor("yanchi-review"), reportId);
    expect(page.errors).toEqual([]);
    expect(page.warnings.map(({ finding, reason }) => [finding.ruleId, reason])).toEqual([
      ["narrative.tableMismatch.requestsReceived", "其中1件为重复申请，已合并办理。"],
    ]);
  });
});

describe("races", () => {
  it("two reviewers approving at once: exactly one wins, the other gets a conflict", async () => {
    const { steps, approve, db } = modules;
    const { reportId, version } = await submitted("beiliu");
    const reviewer = await steps.actorFor("yangcheng-review");
    const results = await Promise.allSettled([
      approve.approveReport(reviewer, { reportId, expectedVersion: version }),
      approve.approveReport(reviewer, { reportId, expectedVersion: version }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("CONFLICT");
    expect(await db.auditEvent.count({ where: { reportId, action: "report.approve" } })).toBe(1);
  });

  it("a double click on publish stores one publication; return racing approve leaves one outcome", async () => {
    const { steps, publish, approve, returning, db } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const { reportId, version } = await submitted("baisang");
    const approved = await approve.approveReport(reviewer, { reportId, expectedVersion: version });
    const results = await Promise.allSettled([
      publish.publishReport(reviewer, { reportId, expectedVersion: approved.version }),
      publish.publishReport(reviewer, { reportId, expectedVersion: approved.version }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.publication.count({ where: { reportId } })).toBe(1);

    const other = await submitted("yczfb");
    const race = await Promise.allSettled([
      approve.approveReport(reviewer, { reportId: other.reportId, expectedVersion: other.version }),
      returning.returnReport(reviewer, { reportId: other.reportId, expectedVersion: other.version, comment: "请修改" }),
    ]);
    expect(race.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const final = await db.report.findUniqueOrThrow({
      where: { id: other.reportId },
      select: { status: true, version: true },
    });
    expect(final.version).toBe(other.version + 1);
    expect(["APPROVED", "RETURNED"]).toContain(final.status);
  });
});

describe("a comment racing a return", () => {
  it("is refused once the return has changed the report, even before the return commits", async () => {
    const { steps, comment, transition, authorizeReport, db } = modules;
    const reviewer = await steps.actorFor("yanchi-review");
    const { reportId, version } = await submitted("huamachi");
    const authorized = await authorizeReport(reviewer, "report.transition", reportId, { transition: "return" });
    const comments = 19;
    let racing: PromiseSettledResult<{ id: string }>[] = [];
    // The comments are sent while the return's transaction has updated the row and not yet
    // committed: the moment a plain read still sees the report as submitted.
    await transition.applyTransition(
      reviewer,
      authorized,
      "return",
      { expectedVersion: version, comment: "请修改" },
      async () => {
        const sent = Promise.allSettled(
          Array.from({ length: comments }, (_, index) =>
            comment.addReviewComment(reviewer, {
              reportId,
              target: "cell:t2.rules.issued",
              body: `并发批注 ${index + 1}`,
              expectedVersion: version,
            }),
          ),
        );
        // Waiting for them would wait forever once they queue behind this transaction's lock.
        await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, 500))]);
        void sent.then((results) => (racing = results));
      },
    );
    await expect.poll(() => racing.length, { timeout: 10_000 }).toBe(comments);
    expect(racing.filter((result) => result.status === "fulfilled")).toHaveLength(0);
    for (const result of racing) expect(((result as PromiseRejectedResult).reason as AppError).code).toBe("CONFLICT");
    expect(await db.reviewComment.count({ where: { reportId } })).toBe(0);
    const report = await db.report.findUniqueOrThrow({
      where: { id: reportId },
      select: { status: true, version: true },
    });
    expect(report).toEqual({ status: "RETURNED", version: version + 1 });
  });
});

describe("correction of a published report", () => {
  it("reopens, needs a 更正说明, publishes version 2 and keeps version 1", async () => {
    const { steps, reopen, approve, publish, review, db } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const reportId = (
      await db.report.findFirstOrThrow({
        where: { status: "PUBLISHED", year, organization: { name: "董封乡人民政府" } },
        select: { id: true },
      })
    ).id;
    const clerk = await steps.actorFor("dongfeng");
    const organizationId = clerk.organizationId!;
    /** Next year's view of this year: carry-over, year-to-year checks, 雷同 with last year. */
    const nextYearSees = async () =>
      (await modules.evaluate.loadPreviousYearData(organizationId, year + 1))?.cells["t2.licensing.decisions"];
    const current = await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { version: true } });
    const publishedFigure = await nextYearSees();
    expect(publishedFigure).toEqual(expect.any(Number));
    expect(
      reopen.reopenReportInput.safeParse({ reportId, expectedVersion: current.version, comment: "" }).success,
    ).toBe(false);
    const reopened = await reopen.reopenReportForCorrection(reviewer, {
      reportId,
      expectedVersion: current.version,
      comment: "行政许可数字有误",
    });
    expect(reopened.status).toBe("RETURNED");

    await steps.saveReportDataAsClerk(
      clerk,
      reportId,
      steps.cleanReportData("董封乡人民政府", year, { "t2.rules.issued": 4321, "t2.licensing.decisions": 1250 }),
    );
    // The correction is a draft, then a submission: next year still sees what was published.
    expect(await nextYearSees()).toBe(publishedFigure);
    const resubmitted = await steps.submitReportAsClerk(clerk, reportId);
    expect(await nextYearSees()).toBe(publishedFigure);
    const page = await review.getReviewReport(reviewer, reportId);
    expect(page.changes?.list.filter((change) => change.kind === "cell").map((change) => change.id)).toEqual([
      "t2.licensing.decisions",
    ]);

    const refused = await failureOf(
      approve.approveReport(reviewer, { reportId, expectedVersion: resubmitted, publish: true }),
    );
    expect(refused.userMessage).toBe("这是对已发布报告的更正，请填写更正说明。");
    // Nothing changed: still submitted.
    expect((await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } })).status).toBe(
      "SUBMITTED",
    );
    const approved = await approve.approveReport(reviewer, { reportId, expectedVersion: resubmitted });
    expect(
      (await failureOf(publish.publishReport(reviewer, { reportId, expectedVersion: approved.version }))).code,
    ).toBe("INVALID_INPUT");
    const republished = await publish.publishReport(reviewer, {
      reportId,
      expectedVersion: approved.version,
      correctionNote: "更正行政许可处理决定数量：1204 改为 1250。",
    });
    expect(republished.sequence).toBe(2);
    expect(await nextYearSees()).toBe(1250);

    const versions = await db.publication.findMany({
      where: { reportId },
      orderBy: { sequence: "asc" },
      select: { sequence: true, correctionNote: true, pdf: true },
    });
    expect(versions.map((version) => [version.sequence, version.correctionNote])).toEqual([
      [1, null],
      [2, "更正行政许可处理决定数量：1204 改为 1250。"],
    ]);
    expect(pdfText(versions[0]!.pdf)).toMatch(/\b1204\b/);
    const second = pdfText(versions[1]!.pdf);
    expect(second).toMatch(/\b1250\b/);
    expect(second).toContain("更正行政许可处理决定数量");
  });
});

describe("last year as the next year's report sees it", () => {
  it("is nothing while last year is a draft, a submission or returned, never their figures", async () => {
    const { steps, returning, evaluate } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    // 北留镇's year before the test year: a report of its own, never published.
    const earlier = year - 1;
    const { reportId, clerk } = await steps.saveCleanReportAsClerk("beiliu", earlier, {
      "t2.licensing.decisions": 77,
    });
    const organizationId = clerk.organizationId!;
    expect(await evaluate.loadPreviousYearData(organizationId, earlier + 1)).toBeUndefined();
    const submittedVersion = await steps.submitReportAsClerk(clerk, reportId);
    expect(await evaluate.loadPreviousYearData(organizationId, earlier + 1)).toBeUndefined();
    await returning.returnReport(reviewer, {
      reportId,
      expectedVersion: submittedVersion,
      comment: "请核对行政许可。",
    });
    expect(await evaluate.loadPreviousYearData(organizationId, earlier + 1)).toBeUndefined();
  });
});

describe("review queue", () => {
  it("lists every organization of the county with status, filters and sorts", async () => {
    const { steps, queue } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const county = reviewer.organizationId!;
    const all = await queue.listReviewQueue(reviewer, county, { year, sort: "name", dir: "asc" });
    expect(all.map((row) => row.organization.name)).toEqual(
      [...all.map((row) => row.organization.name)].sort((a, b) => a.localeCompare(b, "zh-CN")),
    );
    expect(all.find((row) => row.organization.name === "阳城县")?.status).toBe("NOT_STARTED");
    expect(all.find((row) => row.organization.name === "董封乡人民政府")).toMatchObject({
      status: "PUBLISHED",
      findings: { errors: 0, warnings: 0 },
      // Its three comments were closed by publishing: a published report has none open.
      openComments: 0,
    });
    const published = await queue.listReviewQueue(reviewer, county, {
      year,
      status: "PUBLISHED",
      sort: "name",
      dir: "asc",
    });
    expect(published.every((row) => row.status === "PUBLISHED")).toBe(true);
    expect(published.length).toBeGreaterThanOrEqual(2);
    const byStatus = await queue.listReviewQueue(reviewer, county, { year, sort: "status", dir: "asc" });
    expect(byStatus.at(-1)?.status).toBe("PUBLISHED");
    const byUpdate = await queue.listReviewQueue(reviewer, county, { year, sort: "updated", dir: "desc" });
    const times = byUpdate.map((row) => row.lastChange?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(queue.reviewQueueParams.parse({ sort: "evil", dir: "sideways", status: "NOPE", year: "abc" })).toEqual({
      sort: "status",
      dir: "asc",
      status: undefined,
      year: undefined,
    });
    // Another county's reviewer cannot list this county.
    expect(
      (
        await failureOf(
          queue.listReviewQueue(await steps.actorFor("yanchi-review"), county, { year, sort: "name", dir: "asc" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });
});

describe("the dates of a publication", () => {
  it("publishes only after the 统计期限, signs with the 成文日期 and keeps the 发布日期 apart", async () => {
    const { steps, approve, db } = modules;
    const { previewReportPdf } = await import("./preview-report-pdf");
    const reviewer = await steps.actorFor("yangcheng-review");
    const clerk = await steps.actorFor("fengcheng");
    const reportYear = 2024;
    const reportId = await steps.startReportAsClerk(clerk, reportYear);
    await steps.saveReportDataAsClerk(clerk, reportId, steps.cleanReportData("凤城镇人民政府", reportYear));
    const version = await steps.submitReportAsClerk(clerk, reportId);

    // On 20 December the 统计期限 still runs: the 样稿 says so, publishing refuses and changes nothing.
    const inDecember = new Date("2024-12-20T02:00:00Z");
    const preview = await previewReportPdf(reviewer, { reportId, now: inDecember });
    expect(preview.problems.map((problem) => problem.field)).toContain("publicationDate");
    expect(pdfText(preview.pdf)).toContain("样稿");
    const early = await failureOf(
      approve.approveReport(reviewer, { reportId, expectedVersion: version, publish: true, now: inDecember }),
    );
    expect(early.code).toBe("INVALID_STATE");
    expect(early.userMessage).toContain("须在统计期限结束后发布");
    // A 成文日期 after the day of publication is refused too.
    const late = await failureOf(
      approve.approveReport(reviewer, {
        reportId,
        expectedVersion: version,
        publish: true,
        documentDate: "2025-01-20",
        now: new Date("2025-01-15T02:00:00Z"),
      }),
    );
    expect(late.userMessage).toContain("晚于发布日期");
    expect((await db.report.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("SUBMITTED");

    const published = await approve.approveReport(reviewer, {
      reportId,
      expectedVersion: version,
      publish: true,
      documentDate: "2025-01-10",
      now: new Date("2025-01-15T02:00:00Z"),
    });
    expect(published).toMatchObject({ status: "PUBLISHED", sequence: 1 });
    const publication = await db.publication.findUniqueOrThrow({
      where: { reportId_sequence: { reportId, sequence: 1 } },
    });
    expect(publication.documentDate?.toISOString().slice(0, 10)).toBe("2025-01-10");
    expect(publication.publicationDate?.toISOString().slice(0, 10)).toBe("2025-01-15");
    expect(publication.docxSha256).toMatch(/^[0-9a-f]{64}$/);
    const text = pdfText(publication.pdf);
    expect(text).toContain("2025年1月10日");
    expect(text).not.toContain("2025年1月15日");
    expect(text).not.toContain("样稿");
  }, 120_000);
});
