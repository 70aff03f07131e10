import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/workflow/policy";
import { getReport } from "./get-report";
import { recordReturnSnapshot } from "./return-report";
import { MAX_COMMENT_LENGTH, transitionReport } from "./transition-report";

export const reopenReportInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  expectedVersion: z.number().int().positive(),
  comment: z
    .string({ error: "请说明需要更正的内容。" })
    .trim()
    .min(1, { error: "请说明需要更正的内容。" })
    .max(MAX_COMMENT_LENGTH, { error: `说明不超过 ${MAX_COMMENT_LENGTH} 字` }),
});

/**
 * Reopens a published report for a correction: it goes back to the clerk (已退回) while
 * the published versions stay online unchanged; publishing again adds a new version with
 * its 更正说明.
 */
export async function reopenReportForCorrection(actor: Actor, input: z.infer<typeof reopenReportInput>) {
  const loaded = await getReport(actor, input.reportId);
  return transitionReport(
    actor,
    { reportId: input.reportId, transition: "reopenForCorrection", expectedVersion: input.expectedVersion, comment: input.comment },
    recordReturnSnapshot(actor, loaded.report.data),
    loaded,
  );
}
