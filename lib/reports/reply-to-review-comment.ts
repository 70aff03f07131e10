import "server-only";
import { z } from "zod";
import { checkedText } from "@/lib/report-data";
import { MAX_REVIEW_COMMENT_LENGTH } from "./add-review-comment";
import { defineOpenCommentOperation, reviewCommentRef } from "./update-open-comment";

export const replyToReviewCommentInput = z.strictObject({
  ...reviewCommentRef,
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
export const replyToReviewComment = defineOpenCommentOperation({
  name: "replyToReviewComment",
  action: "report.replyComment",
  closedMessage: "审核人员已将这条批注标为已处理，无需再回复。",
  change: (input: ReplyToReviewCommentInput) => ({
    data: { reply: input.body, repliedAt: new Date() },
    comment: input.body,
  }),
});
