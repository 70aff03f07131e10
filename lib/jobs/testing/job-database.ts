// The database tests of the job queue (lib/jobs/*.test.ts): a real PostgreSQL with the demo
// data, pg-boss in its schema pgboss and this process's workers, started before the file's
// tests and stopped after them; and following a job as its starter.
import { afterAll, beforeAll } from "vitest";
import { setUpReviewDatabase } from "@/lib/reports/testing/review-database";
import type { Actor } from "@/lib/workflow/policy";
import { createAccount } from "@/prisma/seed/create-account";

/** The test database with the job modules (follow, queue, workers, approve) and what `load` names. */
export function setUpJobDatabase<L extends object>(name: string, load: () => Promise<L>) {
  const modules = setUpReviewDatabase(name, async () => ({
    follow: await import("../follow-job"),
    queue: await import("../job-queue"),
    workers: await import("../start-job-workers"),
    approve: await import("@/lib/reports/approve-report"),
    ...(await load()),
  }));
  beforeAll(async () => {
    await modules.workers.startJobWorkers();
  }, 60_000);
  afterAll(async () => {
    await modules.queue.stopJobQueue(10_000);
  });
  return modules;
}

type JobModules = ReturnType<typeof setUpJobDatabase<object>>;
export type JobProgress = Awaited<ReturnType<JobModules["follow"]["readJobProgress"]>>;

const isOver = (view: JobProgress) => view.state === "SUCCEEDED" || view.state === "FAILED";

/** Reads the job's progress as its starter until `until` holds (default: it is over), keeping each view in `seen`. */
export async function waitForJob(
  modules: JobModules,
  starter: Actor,
  jobId: string,
  until: (view: JobProgress) => boolean = isOver,
  seen: JobProgress[] = [],
): Promise<JobProgress> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const view = await modules.follow.readJobProgress(starter, { jobId });
    seen.push(view);
    if (until(view)) return view;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${view.state}: ${view.label}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The clerk's clean report of `year`, submitted and approved by `reviewer`: its id and its approved version. */
export async function approvedReport(
  modules: JobModules,
  username: string,
  year: number,
  reviewer: string,
): Promise<{ reportId: string; version: number }> {
  const submitted = await modules.steps.submitCleanReportAsClerk(username, year);
  const approved = await modules.approve.approveReport(await modules.steps.actorFor(reviewer), {
    reportId: submitted.reportId,
    expectedVersion: submitted.version,
  });
  return { reportId: submitted.reportId, version: approved.version };
}

/** A second reviewer of 阳城县 (yangcheng-review2), who publishes while a job waits: their actor. */
export async function colleagueReviewer(modules: JobModules): Promise<Actor> {
  await createAccount(modules.db, {
    username: "yangcheng-review2",
    name: "阳城县审核员二",
    role: "REVIEWER",
    organizationId: await modules.steps.organizationIdNamed("阳城县"),
    password: "Yangcheng-review2-2026!",
    mustChangePassword: false,
  });
  return modules.steps.actorFor("yangcheng-review2");
}
