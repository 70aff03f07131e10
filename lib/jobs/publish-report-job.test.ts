/**
 * Publishing one report as a job of the queue against a real PostgreSQL (pg-boss in the test
 * database's schema pgboss, the real render pool): what can be refused is refused before
 * anything is queued; queued → worked → published once; 审核通过并发布 queues it after the
 * approval; an attempt that published and stopped before recording so is not published again
 * on retry; a report published by another meanwhile fails the job with the reason; 确认导入并发布
 * publishes an imported report as read in the same job (the confirmImport row), refused before
 * anything is queued as the confirmation is, and failing with the reason once the report left
 * the confirmation.
 */
import { describe, expect, it } from "vitest";
import { adaptedSeedReport } from "@/fixtures/import/adapted-seed-report";
import { failureOf } from "@/lib/reports/testing/review-database";
import {
  approvedReport as approvedBy,
  colleagueReviewer,
  setUpJobDatabase,
  waitForJob,
  type JobProgress,
} from "./testing/job-database";

const modules = setUpJobDatabase("nianbao_jobs_report_publication", async () => ({
  jobs: await import("./publish-report-job"),
  publish: await import("@/lib/reports/publish-report"),
  history: await import("@/lib/reports/import-history-report"),
  back: await import("@/lib/reports/return-report"),
}));
const year = 2025;

const approvedReport = (username: string) => approvedBy(modules, username, year, "yangcheng-review");

/** Follows the job as 阳城县's reviewer until it is over, keeping each label seen once. */
async function waitForEnd(jobId: string, labels: string[] = []): Promise<JobProgress> {
  const seen: JobProgress[] = [];
  const view = await waitForJob(modules, await modules.steps.actorFor("yangcheng-review"), jobId, undefined, seen);
  for (const { label } of seen) if (labels.at(-1) !== label) labels.push(label);
  return view;
}

async function publicationsOf(reportId: string) {
  return modules.db.publication.findMany({ where: { reportId }, select: { sequence: true } });
}

const jobCount = () => modules.db.backgroundJob.count({ where: { kind: "report-publish" } });

describe("publishing one report as a job", () => {
  it("refuses before queueing what can be refused, then publishes the report once in the job", async () => {
    const { db, steps, jobs, follow } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const { reportId, version } = await approvedReport("dongfeng");

    // Refused at once, nothing queued: another county's reviewer, a stale page, a day before
    // the 统计期限 ended.
    const stranger = await failureOf(
      jobs.startReportPublication(await steps.actorFor("yanchi-review"), { reportId, expectedVersion: version }),
    );
    expect(stranger.code).toBe("NOT_FOUND");
    const stale = await failureOf(jobs.startReportPublication(reviewer, { reportId, expectedVersion: version - 1 }));
    expect(stale.code).toBe("CONFLICT");
    const early = await failureOf(
      jobs.startReportPublication(reviewer, {
        reportId,
        expectedVersion: version,
        now: new Date("2025-12-20T04:00:00Z"),
      }),
    );
    expect(early.userMessage).toContain("统计期限");
    expect(await jobCount()).toBe(0);

    const started = await jobs.startReportPublication(reviewer, { reportId, expectedVersion: version });
    expect(started).toMatchObject({ state: "QUEUED", total: 1, label: "排队中…" });
    // Asked again while it is under way: the same job.
    expect((await jobs.startReportPublication(reviewer, { reportId, expectedVersion: version })).id).toBe(started.id);
    const otherReviewer = await steps.actorFor("yanchi-review");
    expect((await failureOf(follow.readJobProgress(otherReviewer, { jobId: started.id }))).code).toBe("NOT_FOUND");

    const labels: string[] = [];
    const finished = await waitForEnd(started.id, labels);
    expect(finished).toMatchObject({ state: "SUCCEEDED", done: 1, label: "已发布。", canRetry: false });
    expect(finished.items).toEqual([expect.objectContaining({ reportId, outcome: "published", sequence: 1 })]);
    expect(labels.every((label) => ["排队中…", "正在发布…", "已发布。"].includes(label))).toBe(true);
    expect(await publicationsOf(reportId)).toEqual([{ sequence: 1 }]);
    const report = await db.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(report).toMatchObject({ status: "PUBLISHED", version: version + 1 });
    expect(await db.auditEvent.count({ where: { reportId, action: "report.publish", actorId: reviewer.userId } })).toBe(
      1,
    );
    // Once finished the page shows the report itself, not the job.
    expect(await jobs.loadReportPublicationJob(reviewer, report)).toBeNull();
  }, 120_000);

  it("审核通过并发布 approves in the request and queues the publication", async () => {
    const { steps, approve } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const submitted = await steps.submitCleanReportAsClerk("fengcheng", year);
    const approved = await approve.approveReport(reviewer, {
      reportId: submitted.reportId,
      expectedVersion: submitted.version,
      publish: true,
      publishInJob: true,
    });
    expect(approved.status).toBe("APPROVED");
    expect(approved.job).toMatchObject({ state: "QUEUED", total: 1 });
    const finished = await waitForEnd(approved.job!.id);
    expect(finished.state).toBe("SUCCEEDED");
    expect(await publicationsOf(submitted.reportId)).toEqual([{ sequence: 1 }]);
  }, 120_000);

  it("does not publish again what an earlier attempt published, and fails with the reason a report published by another", async () => {
    const { db, steps, jobs, queue, workers, publish } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const colleague = await colleagueReviewer(modules);
    const own = await approvedReport("baisang");
    const others = await approvedReport("yczfb");

    // No worker takes the jobs until the reports were published by hand: the first by the
    // starter (what an attempt that stopped after publishing leaves), the second by a colleague.
    await queue.stopJobQueue(10_000);
    const first = await jobs.startReportPublication(reviewer, { reportId: own.reportId, expectedVersion: own.version });
    const second = await jobs.startReportPublication(reviewer, {
      reportId: others.reportId,
      expectedVersion: others.version,
    });
    await publish.publishReport(reviewer, { reportId: own.reportId, expectedVersion: own.version });
    await publish.publishReport(colleague, { reportId: others.reportId, expectedVersion: others.version });
    await workers.startJobWorkers();

    const recorded = await waitForEnd(first.id);
    expect(recorded).toMatchObject({ state: "SUCCEEDED", label: "已发布。" });
    expect(await publicationsOf(own.reportId)).toEqual([{ sequence: 1 }]);

    const refused = await waitForEnd(second.id);
    expect(refused).toMatchObject({ state: "FAILED", failure: "报告当前为“已发布”，未发布", canRetry: true });
    expect(refused.label).toBe("发布未完成：报告当前为“已发布”，未发布。可点击“重试”再试一次。");
    const row = await db.backgroundJob.findUniqueOrThrow({ where: { id: second.id } });
    // A refusal is not retried by the queue.
    expect(row.attempts).toBe(1);
    expect(await publicationsOf(others.reportId)).toEqual([{ sequence: 1 }]);
    // After a reload the page shows the failed job with 重试.
    const report = await db.report.findUniqueOrThrow({ where: { id: others.reportId } });
    expect((await jobs.loadReportPublicationJob(reviewer, report))?.id).toBe(second.id);
  }, 120_000);

  it("确认导入并发布 publishes the imported report as read in the same job, refused first as the confirmation is", async () => {
    const { db, steps, jobs, history, back, queue, workers } = modules;
    const reviewer = await steps.actorFor("yangcheng-review");
    const clerk = await steps.actorFor("beiliu");
    const importYear = year - 1;
    const upload = {
      organizationId: clerk.organizationId!,
      fileName: `北留镇${importYear}.txt`,
      bytes: new TextEncoder().encode(adaptedSeedReport({ organizationName: "北留镇人民政府", year: importYear })),
      today: new Date(),
      confirmOrganization: false,
    };
    const { reportId } = await history.importHistoryReport(clerk, upload);
    const attempt = { reportId, expectedVersion: 1 };

    // Refused at once, nothing queued: another county's reviewer, the clerk, 发布… on an
    // import (it is confirmed against its file, not published as approved), a stale page.
    const before = await jobCount();
    expect((await failureOf(jobs.startImportConfirmation(await steps.actorFor("yanchi-review"), attempt))).code).toBe(
      "NOT_FOUND",
    );
    expect((await failureOf(jobs.startImportConfirmation(clerk, attempt))).code).toBe("FORBIDDEN");
    expect((await failureOf(jobs.startReportPublication(reviewer, attempt))).code).toBe("FORBIDDEN");
    expect((await failureOf(jobs.startImportConfirmation(reviewer, { reportId, expectedVersion: 0 }))).code).toBe(
      "CONFLICT",
    );
    expect(await jobCount()).toBe(before);

    // Queued: the page after a reload shows it while no worker has taken it yet.
    await queue.stopJobQueue(10_000);
    const started = await jobs.startImportConfirmation(reviewer, attempt);
    expect(started).toMatchObject({ state: "QUEUED", total: 1, label: "排队中…" });
    const waiting = await db.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(waiting.status).toBe("SUBMITTED");
    expect((await jobs.loadReportPublicationJob(reviewer, waiting))?.id).toBe(started.id);
    await workers.startJobWorkers();

    const finished = await waitForEnd(started.id);
    expect(finished).toMatchObject({ state: "SUCCEEDED", label: "已发布。" });
    expect(await publicationsOf(reportId)).toEqual([{ sequence: 1 }]);
    expect(await db.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({ status: "PUBLISHED" });
    const events = await db.auditEvent.findMany({
      where: { reportId, actorId: reviewer.userId },
      select: { action: true },
    });
    expect(events.map((event) => event.action)).toEqual(["report.confirmImport"]);

    // A re-import over it is a correction: without its 更正说明 refused before queueing; queued
    // with it, then the report returned meanwhile: the job fails with what became of it.
    await history.importHistoryReport(clerk, { ...upload, fileName: `北留镇${importYear}-更正.txt` });
    const correction = await db.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(correction.status).toBe("SUBMITTED");
    const noNote = await failureOf(
      jobs.startImportConfirmation(reviewer, { reportId, expectedVersion: correction.version }),
    );
    expect(noNote.userMessage).toBe("这是对已发布报告的更正，请填写更正说明。");
    await queue.stopJobQueue(10_000);
    const corrected = await jobs.startImportConfirmation(reviewer, {
      reportId,
      expectedVersion: correction.version,
      correctionNote: "更正部分数字。",
    });
    await back.returnReport(reviewer, { reportId, expectedVersion: correction.version, comment: "请核对原文件。" });
    await workers.startJobWorkers();
    const refused = await waitForEnd(corrected.id);
    expect(refused).toMatchObject({ state: "FAILED", failure: "报告当前为“已退回”，未发布" });
    expect(await publicationsOf(reportId)).toEqual([{ sequence: 1 }]);
  }, 120_000);
});
