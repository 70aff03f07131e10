import "server-only";
import { z } from "zod";
import { defineOpenCommentOperation, reviewCommentRef } from "./update-open-comment";

export const resolveReviewCommentInput = z.strictObject(reviewCommentRef);

export type ResolveReviewCommentInput = z.infer<typeof resolveReviewCommentInput>;

/**
 * A reviewer marks a comment as dealt with (已处理): it leaves the queue's 未处理批注 count
 * and shows as closed to the clerk. Publishing closes whatever is left (transitions.ts).
 */
export const resolveReviewComment = defineOpenCommentOperation({
  name: "resolveReviewComment",
  action: "report.resolveComment",
  closedMessage: "这条批注已标为已处理。",
  change: (_input: ResolveReviewCommentInput) => ({ data: { resolvedAt: new Date() } }),
});
