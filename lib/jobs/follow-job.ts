import "server-only";
import { z } from "zod";
import type { BackgroundJob, Prisma } from "@/lib/generated/prisma/client";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import { isUuid } from "@/lib/server/is-uuid";
import type { Actor } from "@/lib/workflow/policy";
import { toJobView, type JobView } from "./background-job";
import { isJobAbandoned, jobKinds, requeueJob, type JobKind } from "./job-queue";

export const jobInput = z.strictObject({ jobId: z.uuid({ error: "任务编号无效，请刷新页面后重试" }) });
export type JobInput = z.infer<typeof jobInput>;

async function loadJob(actor: Actor, jobId: string): Promise<BackgroundJob> {
  const row = isUuid(jobId) ? await db.backgroundJob.findUnique({ where: { id: jobId } }) : null;
  if (!row) throw notFoundFor(actor);
  return row;
}

const isOwnJob = (actor: Actor, row: BackgroundJob) => actor !== null && row.startedById === actor.userId;

/** A job's progress, for its starter (another's job is not found, like one that does not exist). */
export const readJobProgress = defineOperation({
  name: "readJobProgress",
  action: "job.read",
  authorize: async (actor: Actor, input: JobInput) => {
    const row = await loadJob(actor, input.jobId);
    authorize(actor, "job.read", { isOwn: isOwnJob(actor, row) });
    return row;
  },
  run: async (row): Promise<JobView> => toJobView(await reconcile(row)),
});

const ABANDONED = "任务在服务停止时中断";

/**
 * A row still QUEUED or RUNNING whose queue job pg-boss gave up (its instance stopped in the
 * middle, after the last retry) becomes FAILED, so its starter is offered 重试 instead of
 * watching a count that no longer moves.
 */
async function reconcile(row: BackgroundJob): Promise<BackgroundJob> {
  if (row.state !== "QUEUED" && row.state !== "RUNNING") return row;
  if (!(row.kind in jobKinds) || !(await isJobAbandoned(row.kind as JobKind, row.id))) return row;
  await db.backgroundJob.updateMany({
    where: { id: row.id, state: row.state, updatedAt: row.updatedAt },
    data: { state: "FAILED", failure: ABANDONED, finishedAt: new Date() },
  });
  return db.backgroundJob.findUniqueOrThrow({ where: { id: row.id } });
}

/**
 * The latest job of a kind the actor started for an organization and year (the page shows
 * its progress again after a reload), or null.
 */
export async function latestOwnJob(
  actor: Actor,
  kind: JobKind,
  organizationId: string,
  year: number,
): Promise<JobView | null> {
  const row = await latestOwnJobRow(actor, kind, { organizationId, year });
  return row && toJobView(row);
}

/**
 * The latest job of a kind the actor started on any of `organizationIds`, whatever its year
 * (a page that offers several organizations, such as the batch import's counties), with the
 * organization and the time it was started; or null.
 */
export async function latestOwnJobAmong(
  actor: Actor,
  kind: JobKind,
  organizationIds: readonly string[],
): Promise<{ job: JobView; organizationId: string; startedAt: Date } | null> {
  const row = await latestOwnJobRow(actor, kind, { organizationId: { in: [...organizationIds] } });
  return row && { job: toJobView(row), organizationId: row.organizationId, startedAt: row.createdAt };
}

/** The actor's latest job of a kind where `on` says, once the policy let them read it. */
async function latestOwnJobRow(
  actor: Actor,
  kind: JobKind,
  on: Pick<Prisma.BackgroundJobWhereInput, "organizationId" | "year">,
): Promise<BackgroundJob | null> {
  if (!actor) return null;
  const row = await db.backgroundJob.findFirst({
    where: { ...on, kind, startedById: actor.userId },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return null;
  authorize(actor, "job.read", { isOwn: isOwnJob(actor, row) });
  return row;
}

/**
 * 重试: a job that failed for good goes back to the queue and continues where it stopped (what
 * it already did stays done; the job body asks the policy again; job-queue.ts requeueJob).
 */
export const retryJob = defineOperation({
  name: "retryJob",
  action: "job.retry",
  authorize: async (actor: Actor, input: JobInput) => {
    const row = await loadJob(actor, input.jobId);
    authorize(actor, "job.retry", { isOwn: isOwnJob(actor, row), hasFailed: row.state === "FAILED" });
    return row;
  },
  run: async (row): Promise<JobView> => {
    if (!(row.kind in jobKinds)) throw new AppError("INVALID_STATE", "该任务无法重试。");
    const kind = row.kind as JobKind;
    const { count } = await db.backgroundJob.updateMany({
      where: { id: row.id, state: "FAILED" },
      data: { state: "QUEUED", finishedAt: null },
    });
    if (count === 0) throw new AppError("CONFLICT", "任务已在重试中，请稍候。");
    try {
      await requeueJob(kind, row.id);
    } catch (error) {
      // Not queued again: the row says so, and 重试 stays offered.
      await db.backgroundJob.updateMany({ where: { id: row.id, state: "QUEUED" }, data: { state: "FAILED" } });
      throw error;
    }
    return toJobView(await db.backgroundJob.findUniqueOrThrow({ where: { id: row.id } }));
  },
});

/**
 * The actor's latest job of a kind on one thing (a report, a county's summary) for its page
 * after a reload: one under way or failed; a finished one is shown by the page itself (the
 * report's status, the summary's versions), so null.
 */
export async function unfinishedOwnJob(
  actor: Actor,
  kind: JobKind,
  organizationId: string,
  year: number,
): Promise<JobView | null> {
  const job = await latestOwnJob(actor, kind, organizationId, year);
  return job && job.state !== "SUCCEEDED" ? job : null;
}
