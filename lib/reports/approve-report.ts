import "server-only";
import type { Actor } from "@/lib/workflow/policy";
import { z } from "zod";
import { nextPublicationSequence } from "@/lib/publications/insert-publication";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeReport } from "./authorize-report";
import { correctionNoteFor, publishReport, publishReportInput } from "./publish-report";
import { applyTransition, commentField, expectedVersionField } from "./transition-report";

export const approveReportInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  expectedVersion: expectedVersionField,
  comment: commentField.optional(),
  /** Publish at once after approving (审核通过并发布). */
  publish: z.boolean({ error: "请刷新页面后重试" }).optional(),
  correctionNote: publishReportInput.shape.correctionNote,
});

/**
 * Approves a submitted report (the server runs the rules again), and publishes it right
 * after when asked. These are two transitions: if publishing fails, the report stays
 * approved and can be published from the review page. The policy is asked before anything
 * about the report is checked, so a report that is not yours answers NOT_FOUND whatever
 * the input.
 */
export const approveReport = defineOperation({
  name: "approveReport",
  action: "report.transition",
  authorize: (actor: Actor, input: z.infer<typeof approveReportInput>) =>
    authorizeReport(actor, "report.transition", input.reportId, { transition: "approve" }),
  run: async (authorized, actor, input): Promise<{ status: string; version: number; sequence?: number }> => {
    // A correction must say what changed; ask before approving, not after.
    if (input.publish) correctionNoteFor(await nextPublicationSequence(db, authorized.report.id), input.correctionNote);
    const approved = await applyTransition(actor, authorized, "approve", {
      expectedVersion: input.expectedVersion,
      comment: input.comment,
    });
    if (!input.publish) return approved;
    return publishReport(actor, {
      reportId: input.reportId,
      expectedVersion: approved.version,
      correctionNote: input.correctionNote,
    });
  },
});
