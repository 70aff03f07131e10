import "server-only";
import { z } from "zod";
import type { BackgroundJob } from "@/lib/generated/prisma/client";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import { isUuid } from "@/lib/server/is-uuid";
import type { Actor } from "@/lib/workflow/policy";
import { toJobView, type JobView } from "./background-job";
import { jobKinds, retryFailedJob, sendJob, type JobKind } from "./job-queue";

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
  run: async (row): Promise<JobView> => toJobView(row),
});

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
  if (!actor) return null;
  const row = await db.backgroundJob.findFirst({
    where: { kind, organizationId, year, startedById: actor.userId },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return null;
  authorize(actor, "job.read", { isOwn: isOwnJob(actor, row) });
  return toJobView(row);
}

/**
 * 重试: a job that failed for good goes back to the queue and continues where it stopped (what
 * it already did stays done; the job body asks the policy again). pg-boss's own row is retried
 * while it holds it; once archived, the job is sent again under the same id.
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
    if (!(await retryFailedJob(kind, row.id))) await sendJob(kind, row.id, {});
    return toJobView(await db.backgroundJob.findUniqueOrThrow({ where: { id: row.id } }));
  },
});
