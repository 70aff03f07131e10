import "server-only";
import { workJobs } from "./job-queue";
import { runCountyPublication } from "./publish-county-reports";
import { runReportPublication } from "./publish-report-job";
import { runSummaryPublication } from "./publish-summary-job";

/**
 * Starts this process's workers, one per queue (instrumentation.ts, with the server). Each
 * takes one job at a time; the heavy part of each job (rendering) runs in the render pool,
 * so the process's event loop keeps answering requests meanwhile.
 */
export async function startJobWorkers(): Promise<void> {
  await workJobs("county-publish-reports", runCountyPublication);
  await workJobs("report-publish", runReportPublication);
  await workJobs("summary-publish", runSummaryPublication);
}
