import "server-only";
import { runBatchImport } from "./import-batch-job";
import { workJobs } from "./job-queue";
import { runCountyPublication } from "./publish-county-reports";
import { runReportPublication } from "./publish-report-job";
import { runSummaryPublication } from "./publish-summary-job";

/**
 * Starts this process's workers, one per queue (instrumentation.ts, with the server). Each
 * takes one job at a time; the heavy part of each job (rendering, reading a file) runs in its worker pool,
 * so the process's event loop keeps answering requests meanwhile.
 */
export async function startJobWorkers(): Promise<void> {
  await workJobs("county-publish-reports", runCountyPublication);
  await workJobs("report-publish", runReportPublication);
  await workJobs("summary-publish", runSummaryPublication);
  await workJobs("batch-import", runBatchImport);
}
