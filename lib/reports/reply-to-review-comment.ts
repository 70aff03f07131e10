import "server-only";
import { z } from "zod";
import { checkedText } from "@/lib/report-data";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { MAX_REVIEW_COMMENT_LENGTH } from "./add-review-comment";
import { authorizeReport, type AuthorizedReport } from "./authorize-report";
import { loadReportComment } from "./load-report-comment";

export const replyToReviewCommentInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  commentId: z.uuid({ error: "批注编号无效，请刷新页面后重试" }),
  body: checkedText(z.string({ error: "请填写回复内容" }), { control: "回复含有无法显示的控制字符，请删除后重试。" })
    .trim()
    .min(1, { error: "请填写回复内容" })
    .max(MAX_REVIEW_COMMENT_LENGTH, { error: `回复不超过 ${MAX_REVIEW_COMMENT_LENGTH} 字` }),
});

export type ReplyToReviewCommentInput = z.infer<typeof replyToReviewCommentInput>;

/**
 * The clerk's answer to a review comment (改了什么、为什么不改), shown beside the comment in
 * the wizard and on the review page. One answer per comment: answering again replaces it.
 * A comment the reviewer has already closed takes no answer.
 */
export const replyToReviewComment = defineOperation({
  name: "replyToReviewComment",
  action: "report.replyComment",
  authorize: (actor: Actor, input: ReplyToReviewCommentInput) =>
    authorizeReport(actor, "report.replyComment", input.reportId),
  run: storeReply,
});

async function storeReply(
  { report }: AuthorizedReport,
  actor: Actor,
  input: ReplyToReviewCommentInput,
): Promise<{ id: string }> {
  await loadReportComment(report.id, input.commentId);
  return db.$transaction(async (tx) => {
    const updated = await tx.reviewComment.updateMany({
      where: { id: input.commentId, reportId: report.id, resolvedAt: null },
      data: { reply: input.body, repliedAt: new Date() },
    });
    if (updated.count === 0) throw new AppError("INVALID_STATE", "审核人员已将这条批注标为已处理，无需再回复。");
    await tx.auditEvent.create({
      data: {
        action: "report.replyComment",
        actorId: actor?.userId ?? null,
        organizationId: report.organizationId,
        reportId: report.id,
        comment: input.body,
        detail: { commentId: input.commentId },
      },
    });
    return { id: input.commentId };
  });
}
