import "server-only";
import { stopJobQueue } from "./job-queue";
import { startJobWorkers } from "./start-job-workers";

const RETRY_START_MS = 10_000;
/** What scripts/serve-app.mjs awaits (bounded) before the process exits on SIGINT or SIGTERM. */
const beforeExit = Symbol.for("nianbao.jobs.stop");

/**
 * The app instance's part of the queue (instrumentation.ts): its workers, started with the
 * server. A database that cannot be reached yet is tried again every 10 s, so the web tier
 * starts regardless. On shutdown the job in hand is finished first (up to 5 s); one that is
 * not is failed by pg-boss and retried by another instance, which skips what is done.
 */
export function runJobWorkers(): void {
  const start = () =>
    startJobWorkers().catch((error: unknown) => {
      console.error("[jobs] 后台任务未能启动，10 秒后重试：", error instanceof Error ? error.message : error);
      setTimeout(start, RETRY_START_MS).unref();
    });
  void start();
  (globalThis as { [beforeExit]?: () => Promise<void> })[beforeExit] = () => stopJobQueue(5_000);
}
