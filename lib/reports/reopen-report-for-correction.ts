import "server-only";
import type { z } from "zod";
import { sendBackInput } from "./return-report";
import { defineTransition } from "./transition-report";

export const reopenReportInput = sendBackInput("reopenForCorrection");

/**
 * Reopens a published report for a correction: it goes back to the clerk (已退回) while
 * the published versions stay online unchanged; publishing again adds a new version with
 * its 更正说明.
 */
export const reopenReportForCorrection = defineTransition<z.infer<typeof reopenReportInput>>(
  "reopenReportForCorrection",
  "reopenForCorrection",
);
