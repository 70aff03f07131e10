"use server";
import { countyReportModeInput, setCountyReportMode } from "@/lib/reports/set-county-report-mode";
import { defineAction } from "@/lib/server/define-action";

export const setCountyReportModeAction = defineAction({
  name: "setCountyReportMode",
  input: countyReportModeInput,
  operation: setCountyReportMode,
});
