import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Actor, ReportAction } from "@/lib/workflow/policy";
import type { AuthorizedReport } from "./authorize-report";
import { loadReportComment } from "./load-report-comment";
import { reportAuditEvent } from "./report-audit-event";

/** Which comment of which report: what a comment's buttons send. */
export const reviewCommentRef = {
  reportId: z.uuid({ error: "报告编号无效" }),
  commentId: z.uuid({ error: "批注编号无效，请刷新页面后重试" }),
};

/**
 * Changes a review comment of this report that is still open, and records the audit event
 * of the change, in one transaction. The open state is re-checked by the update itself: a
 * comment closed meanwhile (by a reviewer, or by publishing) is refused with
 * `closedMessage` and nothing is written.
 */
export async function updateOpenComment(
  { report }: AuthorizedReport,
  actor: Actor,
  commentId: string,
  change: {
    data: Prisma.ReviewCommentUpdateManyMutationInput;
    action: ReportAction;
    /** The text the audit event keeps (a reply's words). */
    comment?: string;
    closedMessage: string;
  },
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
