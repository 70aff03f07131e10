import "server-only";
import { z } from "zod";
import { defineCountySetting } from "@/lib/organizations/define-county-setting";
import { countyReportModes } from "@/lib/report-data";

export const countyReportModeInput = z.strictObject({
  countyId: z.uuid({ error: "所选县（区）无效，请刷新页面后重试" }),
  mode: z.enum(countyReportModes, { error: "请选择县政府报告的填报方式" }),
});

/**
 * Chooses how the county government's own report fills its tables: 本级 or 全县 (the sum of
 * its units). The county's own administrator or the system administrator; audited with the
 * mode before and after.
 */
export const setCountyReportMode = defineCountySetting(
  "setCountyReportMode",
  "countyReportMode",
  (input: z.infer<typeof countyReportModeInput>) => input.mode,
);
