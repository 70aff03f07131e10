import "server-only";
import { z } from "zod";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport } from "./authorize-report";
import { reviewCommentRef, updateOpenComment } from "./update-open-comment";

export const resolveReviewCommentInput = z.strictObject(reviewCommentRef);

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
  run: (authorized, actor, input) =>
    updateOpenComment(authorized, actor, input.commentId, {
      data: { resolvedAt: new Date() },
      action: "report.resolveComment",
      closedMessage: "这条批注已标为已处理。",
    }),
});
