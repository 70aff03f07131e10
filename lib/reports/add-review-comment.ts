import "server-only";
import { z } from "zod";
import { checkedText } from "@/lib/report-data";
import { findCommentTarget } from "@/lib/review/comment-target-options";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import { commentTargetField } from "@/lib/workflow/comment-target";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport, type AuthorizedReport } from "./authorize-report";
import { layoutOf } from "./evaluate-stored-report";
import { reportAuditEvent } from "./report-audit-event";
import { expectedVersionField } from "./transition-report";

export const MAX_REVIEW_COMMENT_LENGTH = 1_000;

export const addReviewCommentInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  target: commentTargetField,
  body: checkedText(z.string({ error: "请填写批注内容" }), { control: "批注含有无法显示的控制字符，请删除后重试。" })
    .trim()
    .min(1, { error: "请填写批注内容" })
    .max(MAX_REVIEW_COMMENT_LENGTH, { error: `批注不超过 ${MAX_REVIEW_COMMENT_LENGTH} 字` }),
  /** The report version the reviewer was looking at: a comment on data that changed since is refused. */
  expectedVersion: expectedVersionField,
});

export type AddReviewCommentInput = z.infer<typeof addReviewCommentInput>;

/**
 * A reviewer's remark on a cell, a row or a section of a submitted report. The target
 * must exist in the report's own layout; the comment records the report version it was
 * written against so the clerk's wizard can show it next to the right figure.
 */
export const addReviewComment = defineOperation({
  name: "addReviewComment",
  action: "report.comment",
  authorize: (actor: Actor, input: AddReviewCommentInput) => authorizeReport(actor, "report.comment", input.reportId),
  run: storeComment,
});

async function storeComment(
  { report }: AuthorizedReport,
  actor: Actor,
  input: AddReviewCommentInput,
): Promise<{ id: string }> {
  if (!findCommentTarget(layoutOf(report), input.target))
    throw new AppError("INVALID_INPUT", "批注位置不在本报告中，请重新选择。");
  if (report.version !== input.expectedVersion)
    throw new AppError("CONFLICT", "报告已有变化，请刷新页面查看最新内容后再批注。");
  return db.$transaction(async (tx) => {
    // Re-checked inside the transaction under a row lock: a plain read does not wait for a
    // return or approval that has updated the row but not yet committed, so the comment
    // would be stored against a version that is already gone. FOR UPDATE waits for that
    // transaction and then sees the row as it committed.
    const current = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Report"
      WHERE id = ${report.id}::uuid AND status = 'SUBMITTED' AND version = ${input.expectedVersion}
      FOR UPDATE`;
    if (current.length === 0) throw new AppError("CONFLICT", "报告已被他人处理，请刷新页面查看最新状态。");
    const comment = await tx.reviewComment.create({
      data: {
        reportId: report.id,
        target: input.target,
        body: input.body,
        reportVersion: input.expectedVersion,
        authorId: actor?.userId ?? null,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: reportAuditEvent(actor, "report.comment", report, {
        comment: input.body,
        detail: { target: input.target },
      }),
    });
    return comment;
  });
}
