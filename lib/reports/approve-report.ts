import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { nextPublicationSequence } from "@/lib/publications/insert-publication";
import type { Actor } from "@/lib/workflow/policy";
import { correctionNoteFor, publishReport, publishReportInput } from "./publish-report";
import { MAX_COMMENT_LENGTH, transitionReport } from "./transition-report";

export const approveReportInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  expectedVersion: z.number().int().positive(),
  comment: z
    .string()
    .trim()
    .max(MAX_COMMENT_LENGTH, { error: `说明不超过 ${MAX_COMMENT_LENGTH} 字` })
    .optional(),
  /** Publish at once after approving (审核通过并发布). */
  publish: z.boolean().optional(),
  correctionNote: publishReportInput.shape.correctionNote,
});

/**
 * Approves a submitted report (the server runs the rules again), and publishes it right
 * after when asked. These are two transitions: if publishing fails, the report stays
 * approved and can be published from the review page.
 */
export async function approveReport(
  actor: Actor,
  input: z.infer<typeof approveReportInput>,
): Promise<{ status: string; version: number; sequence?: number }> {
  // A correction must say what changed; ask before approving, not after.
  if (input.publish) correctionNoteFor(await nextPublicationSequence(db, input.reportId), input.correctionNote);
  const approved = await transitionReport(actor, {
    reportId: input.reportId,
    transition: "approve",
    expectedVersion: input.expectedVersion,
    comment: input.comment || undefined,
  });
  if (!input.publish) return approved;
  return publishReport(actor, {
    reportId: input.reportId,
    expectedVersion: approved.version,
    correctionNote: input.correctionNote,
  });
}
