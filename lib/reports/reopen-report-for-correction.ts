import "server-only";
import type { Actor } from "@/lib/workflow/policy";
import type { z } from "zod";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeReport } from "./authorize-report";
import { sendBackInput } from "./return-report";
import { applyTransition } from "./transition-report";

export const reopenReportInput = sendBackInput("reopenForCorrection");

/**
 * Reopens a published report for a correction: it goes back to the clerk (已退回) while
 * the published versions stay online unchanged; publishing again adds a new version with
 * its 更正说明.
 */
export const reopenReportForCorrection = defineOperation({
  name: "reopenReportForCorrection",
  action: "report.transition",
  authorize: (actor: Actor, input: z.infer<typeof reopenReportInput>) =>
    authorizeReport(actor, "report.transition", input.reportId, { transition: "reopenForCorrection" }),
  run: (authorized, actor, input) => applyTransition(actor, authorized, "reopenForCorrection", input),
});
