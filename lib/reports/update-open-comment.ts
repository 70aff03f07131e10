import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { defineOperation, type Operation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport, type AuthorizedReport } from "./authorize-report";
import { loadReportComment } from "./load-report-comment";
import { reportAuditEvent } from "./report-audit-event";

/** Which comment of which report: what a comment's buttons send. */
export const reviewCommentRef = {
  reportId: z.uuid({ error: "报告编号无效" }),
  commentId: z.uuid({ error: "批注编号无效，请刷新页面后重试" }),
};

type CommentAction = "report.replyComment" | "report.resolveComment";

/** What a change writes on the comment, and the text its audit event keeps (a reply's words). */
type CommentChange = { data: Prisma.ReviewCommentUpdateManyMutationInput; comment?: string };

/**
 * An operation on one open review comment: the policy is asked about `action` on the
 * comment's report, then `change(input)` is written by updateOpenComment.
 */
export function defineOpenCommentOperation<I extends { reportId: string; commentId: string }>(spec: {
  name: string;
  action: CommentAction;
  closedMessage: string;
  change: (input: I) => CommentChange;
}): Operation<[I], { id: string }> {
  return defineOperation({
    name: spec.name,
    action: spec.action,
    authorize: (actor: Actor, input: I) => authorizeReport(actor, spec.action, input.reportId),
    run: (authorized, actor, input) =>
      updateOpenComment(authorized, actor, input.commentId, {
        ...spec.change(input),
        action: spec.action,
        closedMessage: spec.closedMessage,
      }),
  });
}

/**
 * Changes a review comment of this report that is still open, and records the audit event
 * of the change, in one transaction. The open state is re-checked by the update itself: a
 * comment closed meanwhile (by a reviewer, or by publishing) is refused with
 * `closedMessage` and nothing is written.
 */
async function updateOpenComment(
  { report }: AuthorizedReport,
  actor: Actor,
  commentId: string,
  change: CommentChange & { action: CommentAction; closedMessage: string },
): Promise<{ id: string }> {
  await loadReportComment(report.id, commentId);
  return db.$transaction(async (tx) => {
    const updated = await tx.reviewComment.updateMany({
      where: { id: commentId, reportId: report.id, resolvedAt: null },
      data: change.data,
    });
    if (updated.count === 0) throw new AppError("INVALID_STATE", change.closedMessage);
    await tx.auditEvent.create({
      data: reportAuditEvent(actor, change.action, report, { comment: change.comment, detail: { commentId } }),
    });
    return { id: commentId };
  });
}
