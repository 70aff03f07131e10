"use server";
import { countyReportModeInput, setCountyReportMode } from "@/lib/reports/set-county-report-mode";
import { publishCountySummary, publishCountySummaryInput } from "@/lib/reports/publish-county-summary";
import { defineAction } from "@/lib/server/define-action";

export const setCountyReportModeAction = defineAction({ input: countyReportModeInput, operation: setCountyReportMode });

export const publishCountySummaryAction = defineAction({
  input: publishCountySummaryInput,
  operation: publishCountySummary,
});
