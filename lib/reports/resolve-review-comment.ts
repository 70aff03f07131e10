import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport, type AuthorizedReport } from "./authorize-report";
import { loadReportComment } from "./load-report-comment";

export const resolveReviewCommentInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  commentId: z.uuid({ error: "批注编号无效，请刷新页面后重试" }),
});

export type ResolveReviewCommentInput = z.infer<typeof resolveReviewCommentInput>;

/**
 * A reviewer marks a comment as dealt with (已处理): it leaves the queue's 未处理批注 count
 * and shows as closed to the clerk. Publishing closes whatever is left (transitions.ts).
 */
export const resolveReviewComment = defineOperation({
  name: "resolveReviewComment",
  action: "report.resolveComment",
  authorize: (actor: Actor, input: ResolveReviewCommentInput) =>
    authorizeReport(actor, "report.resolveComment", input.reportId),
  run: markResolved,
});

async function markResolved(
  { report }: AuthorizedReport,
  actor: Actor,
  input: ResolveReviewCommentInput,
): Promise<{ id: string }> {
  await loadReportComment(report.id, input.commentId);
  return db.$transaction(async (tx) => {
    const updated = await tx.reviewComment.updateMany({
      where: { id: input.commentId, reportId: report.id, resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
    if (updated.count === 0) throw new AppError("INVALID_STATE", "这条批注已标为已处理。");
    await tx.auditEvent.create({
      data: {
        action: "report.resolveComment",
        actorId: actor?.userId ?? null,
        organizationId: report.organizationId,
        reportId: report.id,
        detail: { commentId: input.commentId },
      },
    });
    return { id: input.commentId };
  });
}
