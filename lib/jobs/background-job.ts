import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { BackgroundJob } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { isAppError, type AppError } from "@/lib/server/errors";
import { batchFileResultSchema, type BatchFileResult } from "@/lib/reports/import-report-batch";
import type { Actor } from "@/lib/workflow/policy";
import { failureReason } from "./failure-reason";
import { loadJobActor } from "./load-job-actor";
import { sendJob, type JobKind, type QueueJob } from "./job-queue";

// The app's record of a queue job: what its starter sees while it runs and afterwards. Each
// write is one guarded update of the row, so an attempt that lost its job (pg-boss expired it
// and another instance took it) cannot move a finished row back.

/** One item of a job (a report of the county), as the starter reads it. */
const jobItemSchema = z.object({
  reportId: z.string(),
  organizationName: z.string(),
  /** published: by this job (`sequence` its version); skipped: left as it was, `reason` says why. */
  outcome: z.enum(["published", "skipped"]),
  sequence: z.number().int().optional(),
  reason: z.string().optional(),
});

export type JobItem = z.infer<typeof jobItemSchema>;

/**
 * What a job was given (its targets, fixed when it was started) and what became of each. A
 * batch import is given files instead (their bytes in BackgroundJobFile until it ends), and
 * answers one result per file. A kind that keeps more (the publisher's choices) extends it.
 */
export const jobDetailSchema = z.object({
  targets: z.array(z.object({ reportId: z.string(), organizationName: z.string() })).default([]),
  items: z.array(jobItemSchema).default([]),
  files: z.array(z.object({ fileName: z.string() })).optional(),
  fileResults: z.array(batchFileResultSchema).optional(),
});

export type JobDetail = z.infer<typeof jobDetailSchema>;

/** The detail of a job on one versioned thing (a summary): the version it published, once it has. */
export const publishedVersionDetailSchema = jobDetailSchema.extend({ sequence: z.number().int().optional() });

type PublishedVersionDetail = z.infer<typeof publishedVersionDetailSchema>;

/**
 * A job's stored detail, read by its kind's schema (jobDetailSchema or one extending it). Only
 * this module's writes make it, so a detail the schema refuses is a defect: thrown, and the
 * attempt fails as 系统出错.
 */
export function jobDetailOf<T extends JobDetail>(
  row: Pick<BackgroundJob, "id" | "detail">,
  schema: z.ZodType<T, unknown>,
): T {
  const parsed = schema.safeParse(row.detail ?? {});
  if (!parsed.success) throw new Error(`job ${row.id} has an unreadable detail: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** How many of the job's items (or files) are done. */
const doneOf = (detail: JobDetail) => detail.fileResults?.length ?? detail.items.length;

/** The job as its starter's page shows it (components/jobs/job-status.tsx). */
export type JobView = {
  id: string;
  state: BackgroundJob["state"];
  done: number;
  total: number;
  /** One zh-CN line: 排队中…, 正在发布… 3/12, 已发布 12 份, 发布未完成：… (no counts for one report) */
  label: string;
  failure: string | null;
  items: JobItem[];
  /** A batch import's result per file, in the upload's order (empty for other kinds). */
  fileResults: BatchFileResult[];
  canRetry: boolean;
};

/**
 * How a kind's label reads; `isSingle`: one thing (a report, a summary), so no counts;
 * `succeeded`: its own line once done.
 */
const kindWords: Record<
  JobKind,
  {
    running: string;
    noun: string;
    isSingle?: boolean;
    succeeded?: (row: BackgroundJob, detail: PublishedVersionDetail) => string;
  }
> = {
  "county-publish-reports": { running: "正在发布", noun: "发布" },
  "report-publish": { running: "正在发布", noun: "发布", isSingle: true },
  "summary-publish": {
    running: "正在发布",
    noun: "发布",
    isSingle: true,
    succeeded: (_row, detail) => `已发布全县汇总第 ${detail.sequence ?? "?"} 版。`,
  },
  "batch-import": {
    running: "正在导入",
    noun: "导入",
    succeeded: (row) => `导入完成：共 ${row.total} 个文件，各文件的结果见下。`,
  },
};

/** The label of a job on one thing: 排队中… / 正在发布… / 已发布。 or the failure. */
function singleLabel(row: BackgroundJob, detail: PublishedVersionDetail, words: (typeof kindWords)[JobKind]): string {
  switch (row.state) {
    case "QUEUED":
      return row.failure ? `第 ${row.attempts} 次${words.noun}未成功（${row.failure}），稍后自动重试…` : "排队中…";
    case "RUNNING":
      return `${words.running}…`;
    case "SUCCEEDED":
      return words.succeeded?.(row, detail) ?? `已${words.noun}。`;
    case "FAILED":
      return `${words.noun}未完成：${row.failure ?? "系统出错"}。可点击“重试”再试一次。`;
  }
}

export function toJobView(row: BackgroundJob): JobView {
  const words = kindWords[row.kind as JobKind] ?? { running: "正在处理", noun: "处理" };
  // Read once, by the widest schema: a kind without a version has none stored.
  const detail = jobDetailOf(row, publishedVersionDetailSchema);
  const { items, fileResults = [] } = detail;
  const published = items.filter((item) => item.outcome === "published").length;
  const skipped = items.length - published;
  const label = (() => {
    if (words.isSingle) return singleLabel(row, detail, words);
    switch (row.state) {
      case "QUEUED":
        return row.failure
          ? `第 ${row.attempts} 次${words.noun}未成功（${row.failure}），稍后自动重试… ${row.done}/${row.total}`
          : `排队中… 0/${row.total}`;
      case "RUNNING":
        return `${words.running}… ${row.done}/${row.total}`;
      case "SUCCEEDED":
        if (words.succeeded) return words.succeeded(row, detail);
        return `已${words.noun} ${published} 份${skipped > 0 ? `，${skipped} 份未${words.noun}（原因见下）` : ""}。`;
      case "FAILED":
        return `${words.noun}未完成（${row.done}/${row.total}）：${row.failure ?? "系统出错"}。可点击“重试”继续。`;
    }
  })();
  return {
    id: row.id,
    state: row.state,
    done: row.done,
    total: row.total,
    label,
    failure: row.failure,
    items,
    fileResults,
    canRetry: row.state === "FAILED",
  };
}

/** The latest job of a kind on an organization and year still under way (queued or running), if any. */
async function jobUnderWay(kind: JobKind, organizationId: string, year: number): Promise<BackgroundJob | null> {
  return db.backgroundJob.findFirst({
    where: { kind, organizationId, year, state: { in: ["QUEUED", "RUNNING"] } },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Starts a job of `kind` on an organization and year for `actor`: while one is under way
 * there, that one is answered (unless `startAnother`: each batch import is its own); else
 * `prepare` asks everything that can refuse it (it throws the zh-CN refusal) and gives what
 * the job is to do, and the job is recorded (QUEUED) and sent to the queue under the row's
 * id, with the `files` it is to read (a batch import's upload, stored with the row in one
 * write). A send that fails leaves no row.
 */
export async function startJob(
  kind: JobKind,
  actor: Actor,
  on: { organizationId: string; year: number },
  prepare: () => Promise<JobDetail>,
  {
    files = [],
    startAnother = false,
  }: { files?: readonly { fileName: string; bytes: Uint8Array }[]; startAnother?: boolean } = {},
): Promise<JobView> {
  const running = startAnother ? null : await jobUnderWay(kind, on.organizationId, on.year);
  if (running) return toJobView(running);
  const detail = await prepare();
  const id = randomUUID();
  const row = await db.backgroundJob.create({
    data: {
      id,
      kind,
      organizationId: on.organizationId,
      year: on.year,
      detail,
      startedById: actor?.userId ?? null,
      // One thing (a report, a summary) when it names no targets.
      total: detail.files?.length ?? Math.max(detail.targets.length, 1),
      files: {
        create: files.map((file, position) => ({
          position,
          fileName: file.fileName,
          bytes: new Uint8Array(file.bytes),
          importId: randomUUID(),
        })),
      },
    },
  });
  try {
    await sendJob(kind, id, {});
  } catch (error) {
    // Not queued: no record of a job that will never run.
    await db.backgroundJob.delete({ where: { id } });
    throw error;
  }
  return toJobView(row);
}

/** The attempt begins: RUNNING, one more attempt. Null when the job is already finished (nothing to do again). */
export async function beginAttempt(id: string): Promise<BackgroundJob | null> {
  const { count } = await db.backgroundJob.updateMany({
    where: { id, state: { in: ["QUEUED", "RUNNING", "FAILED"] } },
    data: { state: "RUNNING", attempts: { increment: 1 } },
  });
  return count === 0 ? null : db.backgroundJob.findUnique({ where: { id } });
}

/** One more item is done: the count and the items so far, while the job runs. */
export async function recordProgress(id: string, detail: JobDetail): Promise<void> {
  await db.backgroundJob.updateMany({
    where: { id, state: "RUNNING" },
    data: { done: doneOf(detail), detail },
  });
}

/** The job did all it was given: every item (or file) of its total is done. */
export async function finishJob(row: Pick<BackgroundJob, "id" | "total">, detail: JobDetail): Promise<void> {
  await db.backgroundJob.updateMany({
    where: { id: row.id, state: "RUNNING" },
    data: { state: "SUCCEEDED", done: row.total, detail, failure: null, finishedAt: new Date() },
  });
}

/**
 * The attempt failed with `reason` (zh-CN): back to QUEUED while the queue will retry it,
 * FAILED when it will not (the starter may then send it again with 重试).
 */
export async function failAttempt(id: string, reason: string, isFinal: boolean): Promise<void> {
  await db.backgroundJob.updateMany({
    where: { id, state: "RUNNING" },
    data: isFinal ? { state: "FAILED", failure: reason, finishedAt: new Date() } : { state: "QUEUED", failure: reason },
  });
}

/** Refusals that mean "not to be done now" (skipped or refused with the reason), not a failure of the machinery. */
const refusalCodes = new Set(["NOT_FOUND", "FORBIDDEN", "INVALID_STATE", "INVALID_INPUT", "CONFLICT"]);

export const isRefusal = (error: unknown): error is AppError => isAppError(error) && refusalCodes.has(error.code);

/** What a job body ends with: what became of its items, or a refusal retrying cannot change (zh-CN). */
export type JobOutcome = JobDetail | { refusal: string };

/**
 * One attempt of a job, on whichever instance took it, as its starter is now (load-job-actor.ts,
 * so the body asks the policy again about them): the row is RUNNING meanwhile, then
 * SUCCEEDED with the body's detail, or FAILED with its refusal (not retried): the one it
 * answers, or the one it throws (isRefusal), after `whenRefused` dropped what the job kept
 * for retries. A body that throws anything else fails the attempt, and the queue retries it
 * until its retry limit. A job already finished (an attempt that lost its job to another) is
 * left as it is.
 */
export async function runJobAttempt(
  job: QueueJob<unknown>,
  where: string,
  body: (row: BackgroundJob, actor: Actor) => Promise<JobOutcome>,
  { whenRefused }: { whenRefused?: (row: BackgroundJob) => Promise<unknown> } = {},
): Promise<void> {
  const row = await beginAttempt(job.id);
  if (!row) return;
  const isFinal = job.retryCount >= job.retryLimit;
  const refuse = async (reason: string) => {
    await whenRefused?.(row);
    await failAttempt(job.id, reason, true);
  };
  try {
    const outcome = await body(row, await loadJobActor(row.startedById));
    if ("refusal" in outcome) await refuse(outcome.refusal);
    else await finishJob(row, outcome);
  } catch (error) {
    if (isRefusal(error)) return refuse(failureReason(error, where));
    await failAttempt(job.id, failureReason(error, where), isFinal).catch(() => undefined);
    throw error;
  }
}
