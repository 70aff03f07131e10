import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/server/env";

// The job queue: pg-boss on the app's own PostgreSQL (its tables in the schema `pgboss`, made
// and upgraded by pg-boss itself at start, under its advisory lock, so any number of app
// instances may start at once). A job sent by one instance is taken by whichever instance's
// worker asks first (SKIP LOCKED); a job whose instance died is failed by pg-boss's
// supervisor when it expires and retried elsewhere. What the starter follows (progress, the
// zh-CN failure) is the app's own BackgroundJob row (background-job.ts), whose id is the
// queue job's id.

/** The queues the app runs and how each retries (the handlers are in start-job-workers.ts). */
export const jobKinds = {
  /** A county reviewer publishing every approved report of the county and year (publish-county-reports.ts). */
  "county-publish-reports": { retryLimit: 2, retryDelaySeconds: 5, expireInSeconds: 15 * 60 },
  /** A reviewer publishing one report: its PDF and DOCX rendered (publish-report-job.ts). */
  "report-publish": { retryLimit: 2, retryDelaySeconds: 5, expireInSeconds: 5 * 60 },
  /** A reviewer publishing the county's summary: its PDF rendered (publish-summary-job.ts). */
  "summary-publish": { retryLimit: 2, retryDelaySeconds: 5, expireInSeconds: 5 * 60 },
  /** An administrator's batch import of one county's files (import-batch-job.ts). */
  "batch-import": { retryLimit: 2, retryDelaySeconds: 5, expireInSeconds: 15 * 60 },
} as const satisfies Record<string, { retryLimit: number; retryDelaySeconds: number; expireInSeconds: number }>;

export type JobKind = keyof typeof jobKinds;

/** One queue job as a handler gets it: its id and which attempt this is. */
export type QueueJob<T> = { id: string; data: T; retryCount: number; retryLimit: number };

const key = Symbol.for("nianbao.jobQueue");
type QueueHolder = { [key]?: Promise<PgBoss> };

/**
 * The process's queue, started on first use (one per process, kept across Next's dev reloads).
 * A start that fails is forgotten, so the next use tries again (the database may be back).
 */
export function jobQueue(): Promise<PgBoss> {
  const holder = globalThis as QueueHolder;
  holder[key] ??= startQueue().catch((error: unknown) => {
    delete holder[key];
    throw error;
  });
  return holder[key];
}

async function startQueue(): Promise<PgBoss> {
  const timeoutMs = env().DATABASE_TIMEOUT_MS;
  // pg-boss hands these to pg's Pool, which its types do not list: the same bounded waits as
  // lib/server/db.ts, so a paused database fails a job instead of leaving it hanging.
  // Connecting gets twice the app's wait: pg-boss opens its pool while the instance starts, the
  // busiest moment of a loaded machine.
  const poolOptions = { connectionTimeoutMillis: timeoutMs * 2, statement_timeout: timeoutMs * 2 };
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    schema: "pgboss",
    application_name: "nianbao-jobs",
    max: 3,
    // No cron jobs: the clock monitor and the schedule worker are not needed.
    schedule: false,
    ...poolOptions,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error) => console.error("[jobs] 任务队列出错：", error));
  await boss.start();
  for (const [name, kind] of Object.entries(jobKinds))
    await boss.createQueue(name, {
      name,
      retryLimit: kind.retryLimit,
      retryDelay: kind.retryDelaySeconds,
      retryBackoff: false,
      expireInSeconds: kind.expireInSeconds,
    });
  return boss;
}

/** Sends a job with the given id (a second send of the same id is refused by pg-boss's primary key). */
export async function sendJob(kind: JobKind, id: string, data: object): Promise<void> {
  const boss = await jobQueue();
  await boss.send(kind, data, { id });
}

/**
 * Takes a job pg-boss gave up back to the queue for one more attempt: a failed one is retried
 * (pg-boss adds one to its retry limit), a cancelled one resumed, one already archived sent
 * again under its id. Throws when pg-boss still holds it as waiting or active.
 */
export async function requeueJob(kind: JobKind, id: string): Promise<void> {
  const boss = await jobQueue();
  const job = await boss.getJobById(kind, id);
  if (job?.state === "failed") await boss.retry(kind, id);
  else if (job?.state === "cancelled") await boss.resume(kind, id);
  else if (job === null) {
    if ((await boss.send(kind, {}, { id })) === null) throw new Error(`job ${id} could not be sent again`);
  } else throw new Error(`job ${id} is still ${job.state}`);
}

/**
 * Whether pg-boss has given the job up without its handler saying so (it failed or was
 * cancelled while the instance that held it stopped): the app's row cannot know by itself.
 */
export async function isJobAbandoned(kind: JobKind, id: string): Promise<boolean> {
  const boss = await jobQueue();
  const job = await boss.getJobById(kind, id, { includeArchive: true });
  return job === null || job.state === "failed" || job.state === "cancelled";
}

/**
 * Starts this process's worker for a queue: one job at a time, polled every second. A
 * handler that throws fails the attempt; pg-boss retries it after the queue's delay until its
 * retry limit.
 */
export async function workJobs<T>(kind: JobKind, handler: (job: QueueJob<T>) => Promise<void>): Promise<string> {
  const boss = await jobQueue();
  return boss.work<T>(kind, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs)
      await handler({ id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit });
  });
}

/** Stops the process's queue (its workers finish the job in hand first, up to `timeoutMs`). */
export async function stopJobQueue(timeoutMs = 30_000): Promise<void> {
  const holder = globalThis as QueueHolder;
  const started = holder[key];
  if (!started) return;
  delete holder[key];
  const boss = await started.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: timeoutMs });
}
