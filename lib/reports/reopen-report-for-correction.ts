import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/workflow/policy";
import { sendBackInput, sendBackReport } from "./return-report";

export const reopenReportInput = sendBackInput("请说明需要更正的内容。");

/**
 * Reopens a published report for a correction: it goes back to the clerk (已退回) while
 * the published versions stay online unchanged; publishing again adds a new version with
 * its 更正说明.
 */
export async function reopenReportForCorrection(actor: Actor, input: z.infer<typeof reopenReportInput>) {
  return sendBackReport(actor, "reopenForCorrection", input);
}
