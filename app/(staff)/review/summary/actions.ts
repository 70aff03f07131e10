"use server";
import { countyReportModeInput, setCountyReportMode } from "@/lib/reports/set-county-report-mode";
import { startSummaryPublication, startSummaryPublicationInput } from "@/lib/jobs/publish-summary-job";
import { defineAction } from "@/lib/server/define-action";

export const setCountyReportModeAction = defineAction({ input: countyReportModeInput, operation: setCountyReportMode });

// The publication (its PDF) is queued as a job of the queue once everything that can refuse
// it has been asked; the panel follows the job.
export const publishCountySummaryAction = defineAction({
  name: "publishCountySummary",
  input: startSummaryPublicationInput,
  operation: startSummaryPublication,
});
