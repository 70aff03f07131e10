/**
 * Publishing a whole county through the job queue against a real PostgreSQL (pg-boss in the
 * test database's schema pgboss, the real render pool): enqueue → work → result; who may
 * start and follow it; a failure (a report row held by another transaction, so the publishing
 * statement runs out of time) retried by the queue, then failing for good and sent again with
 * 重试, without publishing any report twice and with the versions a single publication gives.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { failureOf } from "@/lib/reports/testing/review-database";
import { colleagueReviewer, setUpJobDatabase, waitForJob, type JobProgress } from "./testing/job-database";

// A held row then fails its statement in 1.5 s instead of 5 s (lib/server/db.ts).
process.env.DATABASE_TIMEOUT_MS = "1500";

const modules = setUpJobDatabase("nianbao_jobs_county_publication", async () => ({
  jobs: await import("./publish-county-reports"),
  publish: await import("@/lib/reports/publish-report"),
}));
const year = 2025;

/** The clerk's clean report, submitted and approved by 阳城县's reviewer: its id and its approved version. */
async function approvedReport(username: string): Promise<{ reportId: string; version: number }> {
  const { steps, approve } = modules;
  const { reportId, version } = await steps.submitCleanReportAsClerk(username, year);
  const reviewer = await steps.actorFor("yangcheng-review");
  const approved = await approve.approveReport(reviewer, { reportId, expectedVersion: version });
  return { reportId, version: approved.version };
}

type View = JobProgress;

/** Reads the job's progress as 阳城县's reviewer until `until` holds (each view seen is kept). */
const waitFor = async (jobId: string, until: (view: View) => boolean, seen: View[] = []) =>
  waitForJob(modules, await modules.steps.actorFor("yangcheng-review"), jobId, until, seen);

async function publicationsOf(reportId: string) {
  return modules.db.publication.findMany({ where: { reportId }, select: { sequence: true } });
}

describe("publishing every approved report of 阳城县 as a job", () => {
  it("queues the job, publishes each approved report once, and shows the progress to its starter only", async () => {
    const { db, steps, jobs, follow } = modules;
    const countyId = await steps.organizationIdNamed("阳城县");
    const reviewer = await steps.actorFor("yangcheng-review");
    const approved = [await approvedReport("dongfeng"), await approvedReport("fengcheng")];
    // A submitted report is not the job's: it is not approved.
    const submitted = await steps.submitCleanReportAsClerk("beiliu", year);

    // Who may start it: the county's own reviewer; not its administrator, another county's
    // reviewer, a clerk. Before the 统计期限 has ended, nobody.
    const refusals = await Promise.all(
      ["yanchi-review", "dongfeng"].map(async (name) =>
        failureOf(jobs.publishCountyReports(await steps.actorFor(name), countyId, { year })),
      ),
    );
    expect(refusals.map((error) => error.code)).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    const early = await failureOf(
      jobs.publishCountyReports(reviewer, countyId, { year, now: new Date("2025-12-20T04:00:00Z") }),
    );
    expect(early.code).toBe("INVALID_STATE");
    expect(early.userMessage).toContain("统计期限");

    const started = await jobs.publishCountyReports(reviewer, countyId, { year });
    expect(started).toMatchObject({ state: "QUEUED", done: 0, total: 2, label: "排队中… 0/2" });
    // Starting again while it runs answers the same job.
    expect((await jobs.publishCountyReports(reviewer, countyId, { year })).id).toBe(started.id);
    // Another user does not see it, whoever they are.
    const otherReviewer = await steps.actorFor("yanchi-review");
    expect((await failureOf(follow.readJobProgress(otherReviewer, { jobId: started.id }))).code).toBe("NOT_FOUND");

    const seen: View[] = [];
    const finished = await waitFor(started.id, (view) => view.state === "SUCCEEDED", seen);
    expect(finished).toMatchObject({ done: 2, total: 2, label: "已发布 2 份。", canRetry: false });
    expect(finished.items.map((item) => [item.outcome, item.sequence])).toEqual([
      ["published", 1],
      ["published", 1],
    ]);
    // The progress was written as it went: every count seen is between 0 and 2 and never goes back.
    const counts = seen.map((view) => view.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));

    for (const { reportId, version } of approved) {
      const report = await db.report.findUniqueOrThrow({ where: { id: reportId } });
      expect(report).toMatchObject({ status: "PUBLISHED", version: version + 1 });
      expect(await publicationsOf(reportId)).toEqual([{ sequence: 1 }]);
      expect(
        await db.auditEvent.count({ where: { reportId, action: "report.publish", actorId: reviewer.userId } }),
      ).toBe(1);
    }
    expect((await db.report.findUniqueOrThrow({ where: { id: submitted.reportId } })).status).toBe("SUBMITTED");
    // Nothing is left to publish: a second job is refused with the reason.
    const nothing = await failureOf(jobs.publishCountyReports(reviewer, countyId, { year }));
    expect(nothing.userMessage).toBe(`${year} 年度没有待发布的已审核报告。`);
  }, 120_000);

  it("retries a failed attempt, fails for good after the queue's retries, and 重试 finishes it without publishing twice", async () => {
    const { db, steps, jobs, follow, databaseUrl } = { ...modules, databaseUrl: process.env.DATABASE_URL! };
    const countyId = await steps.organizationIdNamed("阳城县");
    const reviewer = await steps.actorFor("yangcheng-review");
    // By name: 白桑乡 first, then 县政府办公室.
    const first = await approvedReport("baisang");
    const second = await approvedReport("yczfb");

    // Another transaction holds the second report's row: publishing it cannot write the row
    // and its statement runs out of time, in every attempt, until the row is let go.
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`SELECT 1 FROM "Report" WHERE id = $1 FOR UPDATE`, [second.reportId]);
    try {
      const started = await jobs.publishCountyReports(reviewer, countyId, { year });
      expect(started.total).toBe(2);
      const retrying = await waitFor(started.id, (view) => view.state === "QUEUED" && view.failure !== null);
      expect(retrying.done).toBe(1);
      expect(retrying.label).toBe("第 1 次发布未成功（数据库暂时无法应答），稍后自动重试… 1/2");
      const failed = await waitFor(started.id, (view) => view.state === "FAILED");
      expect(failed).toMatchObject({ done: 1, canRetry: true, failure: "数据库暂时无法应答" });
      const record = await db.backgroundJob.findUniqueOrThrow({ where: { id: started.id } });
      expect(record.attempts).toBe(modules.jobs.countyPublicationRetries.retryLimit + 1);
      // Only the starter may send it again, and only once it has failed.
      const other = await steps.actorFor("yanchi-review");
      expect((await failureOf(follow.retryJob(other, { jobId: started.id }))).code).toBe("NOT_FOUND");

      await holder.query("ROLLBACK");
      const again = await follow.retryJob(reviewer, { jobId: started.id });
      expect(again.state).toBe("QUEUED");
      expect((await failureOf(follow.retryJob(reviewer, { jobId: started.id }))).code).toBe("INVALID_STATE");
      const finished = await waitFor(started.id, (view) => view.state === "SUCCEEDED");
      expect(finished).toMatchObject({ done: 2, total: 2, failure: null });
    } finally {
      await holder.end();
    }
    // Each report published exactly once, one version after its approval.
    for (const { reportId, version } of [first, second]) {
      expect(await publicationsOf(reportId)).toEqual([{ sequence: 1 }]);
      const report = await db.report.findUniqueOrThrow({ where: { id: reportId } });
      expect(report).toMatchObject({ status: "PUBLISHED", version: version + 1 });
    }
  }, 180_000);

  it("leaves a report published by someone else after the job started, with the reason, and refuses the county administrator", async () => {
    const { db, steps, jobs, queue, workers, approve, publish } = modules;
    const countyId = await steps.organizationIdNamed("阳城县");
    const reviewer = await steps.actorFor("yangcheng-review");
    const colleague = await colleagueReviewer(modules);
    const countyAdmin = await steps.actorOfNewAccount({
      username: "yangcheng-jobs-admin",
      name: "阳城县管理员",
      role: "COUNTY_ADMIN",
      organizationId: countyId,
    });
    expect((await failureOf(jobs.publishCountyReports(countyAdmin, countyId, { year }))).code).toBe("FORBIDDEN");

    // 北留镇's report, submitted in the first test, approved now.
    const beiliu = await db.report.findFirstOrThrow({
      where: { year, organization: { name: { contains: "北留" } } },
      select: { id: true, version: true },
    });
    const approved = await approve.approveReport(reviewer, { reportId: beiliu.id, expectedVersion: beiliu.version });
    // No worker takes the job until the colleague has published the report by hand.
    await queue.stopJobQueue(10_000);
    const started = await jobs.publishCountyReports(reviewer, countyId, { year });
    expect(started.total).toBe(1);
    await publish.publishReport(colleague, { reportId: beiliu.id, expectedVersion: approved.version });
    await workers.startJobWorkers();

    const finished = await waitFor(started.id, (view) => view.state === "SUCCEEDED");
    expect(finished.label).toBe("已发布 0 份，1 份未发布（原因见下）。");
    expect(finished.items).toEqual([
      expect.objectContaining({ reportId: beiliu.id, outcome: "skipped", reason: "报告当前为“已发布”，未发布" }),
    ]);
    expect(await publicationsOf(beiliu.id)).toEqual([{ sequence: 1 }]);
  }, 120_000);

  it("shows a job pg-boss gave up without its handler (its instance stopped) as failed, and 重试 resumes it", async () => {
    const { db, steps, jobs, follow, queue, workers } = modules;
    const countyId = await steps.organizationIdNamed("阳城县");
    const reviewer = await steps.actorFor("yangcheng-review");
    const unit = await db.organization.create({
      data: { name: "试验镇人民政府", kind: "TOWNSHIP", parentId: countyId },
      select: { id: true },
    });
    await steps.actorOfNewAccount({
      username: "shiyan-clerk",
      name: "试验镇填报员",
      role: "CLERK",
      organizationId: unit.id,
    });
    const { reportId, version } = await approvedReport("shiyan-clerk");

    await queue.stopJobQueue(10_000);
    const started = await jobs.publishCountyReports(reviewer, countyId, { year });
    // What pg-boss does to a job whose instance stopped: it is given up, the handler never told.
    await (await queue.jobQueue()).cancel("county-publish-reports", started.id);
    const abandoned = await follow.readJobProgress(reviewer, { jobId: started.id });
    expect(abandoned).toMatchObject({ state: "FAILED", failure: "任务在服务停止时中断", canRetry: true, done: 0 });

    await workers.startJobWorkers();
    await follow.retryJob(reviewer, { jobId: started.id });
    const finished = await waitFor(started.id, (view) => view.state === "SUCCEEDED");
    expect(finished).toMatchObject({ done: 1, total: 1, label: "已发布 1 份。" });
    expect(await publicationsOf(reportId)).toEqual([{ sequence: 1 }]);
    expect((await db.report.findUniqueOrThrow({ where: { id: reportId } })).version).toBe(version + 1);
  }, 120_000);
});
