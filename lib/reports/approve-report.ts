import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { publishReport } from "./publish-report";
import { MAX_COMMENT_LENGTH, transitionReport } from "./transition-report";

export const approveReportInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  expectedVersion: z.number().int().positive(),
  comment: z.string().trim().max(MAX_COMMENT_LENGTH, { error: `说明不超过 ${MAX_COMMENT_LENGTH} 字` }).optional(),
  /** Publish at once after approving (审核通过并发布). */
  publish: z.boolean().optional(),
  correctionNote: z.string().trim().max(2_000, { error: "更正说明不超过 2000 字" }).optional(),
});

/**
 * Approves a submitted report (the server runs the rules again), and publishes it right
 * after when asked. These are two transitions: if publishing fails, the report stays
 * approved and can be published from the review page.
 */
export async function approveReport(actor: Actor, input: z.infer<typeof approveReportInput>): Promise<{ status: string; version: number; sequence?: number }> {
  // A correction must say what changed; ask before approving, not after.
  if (input.publish && !input.correctionNote && (await db.publication.count({ where: { reportId: input.reportId } })) > 0) {
    throw new AppError("INVALID_INPUT", "这是对已发布报告的更正，请填写更正说明。", { field: "correctionNote" });
  }
  const approved = await transitionReport(actor, { reportId: input.reportId, transition: "approve", expectedVersion: input.expectedVersion, comment: input.comment || undefined });
  if (!input.publish) return approved;
  return publishReport(actor, { reportId: input.reportId, expectedVersion: approved.version, correctionNote: input.correctionNote });
}
