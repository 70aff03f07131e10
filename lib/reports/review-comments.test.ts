/**
 * Review that converges, against a real PostgreSQL: the clerk answers a comment, the
 * reviewer closes it and it leaves the queue's 未处理批注 count; publishing closes the rest;
 * a report reopened for a correction shows the clerk the correction's reason and none of the
 * comments before it. Bad input and other people's comments are refused in zh-CN and change nothing.
 */
import { describe, expect, it } from "vitest";
import { failureOf, setUpReviewDatabase } from "./testing/review-database";

const modules = setUpReviewDatabase("nianbao_review_comments", async () => ({
  comment: await import("./add-review-comment"),
  reply: await import("./reply-to-review-comment"),
  resolve: await import("./resolve-review-comment"),
  returning: await import("./return-report"),
  approve: await import("./approve-report"),
  reopen: await import("./reopen-report-for-correction"),
  queue: await import("./list-review-queue"),
  returnComment: await import("./get-return-comment"),
  clerkComments: await import("./list-clerk-comments"),
  authorizeReport: (await import("./authorize-report")).authorizeReport,
}));
const year = 2025;

const submitted = (clerkName: string) => modules.steps.submitCleanReportAsClerk(clerkName, year);

async function openCommentsInQueue(reportId: string) {
  const { steps, queue, db } = modules;
  const reviewer = await steps.actorFor("yangcheng-review");
  const county = await db.organization.findFirstOrThrow({ where: { name: "阳城县" }, select: { id: true } });
  const rows = await queue.listReviewQueue(reviewer, county.id, { year, sort: "name", dir: "asc" });
  return rows.find((row) => row.report?.id === reportId)?.openComments;
}

async function commentRows(reportId: string) {
  return modules.db.reviewComment.findMany({
    where: { reportId },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, reply: true, repliedAt: true, resolvedAt: true },
  });
}

describe("a comment answered and closed", () => {
  it("takes the clerk's reply, the reviewer's resolve, and drops out of the 未处理批注 count", async () => {
    const { steps, comment, reply, resolve, returning, db } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const { clerk, reportId, version } = await submitted("dongfeng");
    const other = await submitted("fengcheng");

    for (const [target, body] of [
      ["section:s1", "总体情况过于简略"],
      ["cell:t3.r1.natural", "请核对"],
    ] as const) {
      await comment.addReviewComment(reviewer, { reportId, target, body, expectedVersion: version });
    }
    await comment.addReviewComment(reviewer, {
      reportId: other.reportId,
      target: "section:s1",
      body: "另一单位的批注",
      expectedVersion: other.version,
    });
    const [first, second] = await commentRows(reportId);
    const [othersComment] = await commentRows(other.reportId);
    expect(await openCommentsInQueue(reportId)).toBe(2);

    // While submitted the report is not the clerk's: no answer yet.
    const early = await failureOf(
      reply.replyToReviewComment(clerk, { reportId, commentId: first!.id, body: "已补充" }),
    );
    expect(early.code).toBe("INVALID_STATE");

    const returnedVersion = (
      await returning.returnReport(reviewer, { reportId, expectedVersion: version, comment: "请按批注修改" })
    ).version;

    // Bad input: refused by the schema, in zh-CN.
    const badInputs = [
      { body: "   ", message: "请填写回复内容" },
      { body: "字".repeat(1_001), message: "回复不超过 1000 字" },
      { body: "已补充\u0007", message: "回复含有无法显示的控制字符，请删除后重试。" },
    ];
    for (const { body, message } of badInputs) {
      const parsed = reply.replyToReviewCommentInput.safeParse({ reportId, commentId: first!.id, body });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(message);
    }
    const forged = reply.replyToReviewCommentInput.safeParse({ reportId, commentId: "1; DROP TABLE", body: "x" });
    expect(forged.error?.issues[0]?.message).toBe("批注编号无效，请刷新页面后重试");
    // A comment of another report, or an id nobody has, through this report: refused.
    for (const commentId of [othersComment!.id, "00000000-0000-4000-8000-000000000000"]) {
      const refused = await failureOf(reply.replyToReviewComment(clerk, { reportId, commentId, body: "已补充" }));
      expect(refused.code).toBe("INVALID_INPUT");
      expect(refused.userMessage).toBe("这条批注不在本报告中，请刷新页面后重试。");
    }
    // Another unit's clerk does not find the report at all.
    const stranger = await failureOf(
      reply.replyToReviewComment(other.clerk, { reportId, commentId: first!.id, body: "已补充" }),
    );
    expect(stranger.code).toBe("NOT_FOUND");
    expect((await commentRows(reportId)).every((row) => row.reply === null)).toBe(true);
    expect((await commentRows(other.reportId))[0]!.reply).toBeNull();

    // As the action passes it on: parsed (trimmed) by the input schema.
    await reply.replyToReviewComment(
      clerk,
      reply.replyToReviewCommentInput.parse({ reportId, commentId: first!.id, body: "  已补充五项工作的具体做法。 " }),
    );
    await reply.replyToReviewComment(clerk, { reportId, commentId: second!.id, body: "35 件无误" });
    await reply.replyToReviewComment(clerk, { reportId, commentId: second!.id, body: "已核对，35 件无误。" });
    const answered = await commentRows(reportId);
    expect(answered.map((row) => row.reply)).toEqual(["已补充五项工作的具体做法。", "已核对，35 件无误。"]);
    expect(answered.every((row) => row.repliedAt !== null && row.resolvedAt === null)).toBe(true);

    // Resolve: the reviewer only, the comment of this report only.
    expect((await failureOf(resolve.resolveReviewComment(clerk, { reportId, commentId: first!.id }))).code).toBe(
      "FORBIDDEN",
    );
    const otherReviewer = await steps.actorFor("yanchi-review");
    expect(
      (await failureOf(resolve.resolveReviewComment(otherReviewer, { reportId, commentId: first!.id }))).code,
    ).toBe("NOT_FOUND");
    const crossReport = await failureOf(
      resolve.resolveReviewComment(reviewer, { reportId, commentId: othersComment!.id }),
    );
    expect(crossReport.userMessage).toBe("这条批注不在本报告中，请刷新页面后重试。");
    expect((await commentRows(other.reportId))[0]!.resolvedAt).toBeNull();
    expect(resolve.resolveReviewCommentInput.safeParse({ reportId, commentId: "abc" }).error?.issues[0]?.message).toBe(
      "批注编号无效，请刷新页面后重试",
    );

    await resolve.resolveReviewComment(reviewer, { reportId, commentId: first!.id });
    expect(await openCommentsInQueue(reportId)).toBe(1);
    const twice = await failureOf(resolve.resolveReviewComment(reviewer, { reportId, commentId: first!.id }));
    expect(twice).toMatchObject({ code: "INVALID_STATE", userMessage: "这条批注已标为已处理。" });
    const closed = await failureOf(
      reply.replyToReviewComment(clerk, { reportId, commentId: first!.id, body: "再补充" }),
    );
    expect(closed.userMessage).toBe("审核人员已将这条批注标为已处理，无需再回复。");
    expect((await commentRows(reportId))[0]!.reply).toBe("已补充五项工作的具体做法。");

    const audit = await db.auditEvent.findMany({
      where: { reportId, action: { in: ["report.replyComment", "report.resolveComment"] } },
      select: { action: true },
    });
    expect(audit.map((event) => event.action).sort()).toEqual([
      "report.replyComment",
      "report.replyComment",
      "report.replyComment",
      "report.resolveComment",
    ]);
    expect(returnedVersion).toBeGreaterThan(version);
  });
});

describe("publishing and a correction", () => {
  it("closes the comments left open, then shows the clerk the correction's reason and no earlier comment", async () => {
    const { steps, comment, returning, approve, reopen, returnComment, clerkComments, authorizeReport, db } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const { clerk, reportId, version } = await submitted("beiliu");
    await comment.addReviewComment(reviewer, {
      reportId,
      target: "section:s1",
      body: "第一轮的批注",
      expectedVersion: version,
    });
    const returned = await returning.returnReport(reviewer, {
      reportId,
      expectedVersion: version,
      comment: "退回：请补充",
    });
    const asClerk = async () => authorizeReport(clerk, "report.read", reportId);
    expect(await returnComment.getReturnComment(await asClerk())).toMatchObject({
      kind: "return",
      comment: "退回：请补充",
    });

    await steps.saveReportDataAsClerk(clerk, reportId, steps.cleanReportData("北留镇人民政府", year));
    const resubmitted = await steps.submitReportAsClerk(clerk, reportId);
    expect(returned.version).toBeLessThan(resubmitted);
    await approve.approveReport(reviewer, { reportId, expectedVersion: resubmitted, publish: true });
    expect(await openCommentsInQueue(reportId)).toBe(0);
    expect((await commentRows(reportId)).every((row) => row.resolvedAt !== null)).toBe(true);

    const published = await db.report.findUniqueOrThrow({
      where: { id: reportId },
      select: { version: true, status: true },
    });
    expect(published.status).toBe("PUBLISHED");
    await reopen.reopenReportForCorrection(reviewer, {
      reportId,
      expectedVersion: published.version,
      comment: "更正：行政许可数量有误",
    });
    const note = await returnComment.getReturnComment(await asClerk());
    expect(note).toMatchObject({ kind: "correction", comment: "更正：行政许可数量有误" });
    expect(await clerkComments.listClerkComments(await asClerk())).toEqual([]);
    // The record keeps them for the review page.
    expect((await commentRows(reportId)).map((row) => row.body)).toEqual(["第一轮的批注"]);
    expect(await openCommentsInQueue(reportId)).toBe(0);

    // A comment of the new round is the clerk's again.
    const again = await steps.submitReportAsClerk(clerk, reportId);
    await comment.addReviewComment(reviewer, {
      reportId,
      target: "section:s1",
      body: "第二轮的批注",
      expectedVersion: again,
    });
    expect((await clerkComments.listClerkComments(await asClerk())).map((row) => row.body)).toEqual(["第二轮的批注"]);
  });
});
