/**
 * Publishing the county summary of 阳城县 as a job of the queue against a real PostgreSQL
 * (pg-boss in the test database's schema pgboss, the real render pool): what can be refused
 * is refused before anything is queued; queued → worked → the version published once; an
 * attempt that published and stopped before recording so is not published again.
 */
import { describe, expect, it } from "vitest";
import { failureOf } from "@/lib/reports/testing/review-database";
import { approvedReport, setUpJobDatabase, waitForJob } from "./testing/job-database";

const modules = setUpJobDatabase("nianbao_jobs_summary_publication", async () => ({
  jobs: await import("./publish-summary-job"),
  publish: await import("@/lib/reports/publish-county-summary"),
  preview: await import("@/lib/reports/preview-county-summary-pdf"),
}));
const year = 2025;

const approveCleanReport = (username: string) => approvedReport(modules, username, year, "yangcheng-review");
const waitForEnd = async (jobId: string) =>
  waitForJob(modules, await modules.steps.actorFor("yangcheng-review"), jobId);

describe("publishing the county summary as a job", () => {
  it("refuses before queueing, publishes the confirmed version in the job, and never publishes it twice", async () => {
    const { db, steps, jobs, queue, workers, publish, preview } = modules;
    const countyId = await steps.organizationIdNamed("阳城县");
    const reviewer = await steps.actorFor("yangcheng-review");
    await approveCleanReport("dongfeng");
    const sample = await preview.previewCountySummaryPdf(reviewer, { countyId, year });
    expect(sample.problems).toEqual([]);

    const stale = await failureOf(
      jobs.startSummaryPublication(reviewer, { countyId, year, expectedContent: "0".repeat(64) }),
    );
    expect(stale.code).toBe("CONFLICT");
    const stranger = await failureOf(
      jobs.startSummaryPublication(await steps.actorFor("yanchi-review"), {
        countyId,
        year,
        expectedContent: sample.contentSha256,
      }),
    );
    expect(stranger.code).toBe("NOT_FOUND");
    expect(await db.backgroundJob.count({ where: { kind: "summary-publish" } })).toBe(0);

    const started = await jobs.startSummaryPublication(reviewer, {
      countyId,
      year,
      expectedContent: sample.contentSha256,
    });
    expect(started).toMatchObject({ state: "QUEUED", label: "排队中…" });
    const finished = await waitForEnd(started.id);
    // One thing to do, done: 1/1 (not 0/1, as when done counted items only).
    expect(finished).toMatchObject({ state: "SUCCEEDED", done: 1, total: 1, label: "已发布全县汇总第 1 版。" });
    expect(await db.countySummaryPublication.count({ where: { countyId, year } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "summary.publish", actorId: reviewer.userId } })).toBe(1);
    // Once finished the page shows the version itself, not the job.
    expect(await jobs.loadSummaryPublicationJob(reviewer, countyId, year)).toBeNull();

    // The second version: an attempt that published it by hand (as an attempt stopped right
    // after publishing leaves it) before any worker took the job.
    await approveCleanReport("fengcheng");
    const second = await preview.previewCountySummaryPdf(reviewer, { countyId, year, correctionNote: "增加凤城镇" });
    await queue.stopJobQueue(10_000);
    const request = { countyId, year, expectedContent: second.contentSha256, correctionNote: "增加凤城镇" };
    const again = await jobs.startSummaryPublication(reviewer, request);
    await publish.publishCountySummary(reviewer, request);
    await workers.startJobWorkers();
    expect(await waitForEnd(again.id)).toMatchObject({ state: "SUCCEEDED", label: "已发布全县汇总第 2 版。" });
    expect(await db.countySummaryPublication.count({ where: { countyId, year } })).toBe(2);

    // A third job with the same 样稿 is refused at once: nothing changed since.
    expect((await failureOf(jobs.startSummaryPublication(reviewer, request))).code).toBe("INVALID_STATE");
  }, 180_000);
});
