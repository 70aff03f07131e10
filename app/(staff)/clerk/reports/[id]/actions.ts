"use server";
import { defineAction } from "@/lib/server/define-action";
import { replyToReviewComment, replyToReviewCommentInput } from "@/lib/reports/reply-to-review-comment";
import { saveDraft, saveDraftInput } from "@/lib/reports/save-draft";
import { submitReport, submitReportInput } from "@/lib/reports/submit-report";

export const saveDraftAction = defineAction({ input: saveDraftInput, operation: saveDraft });
export const submitReportAction = defineAction({ input: submitReportInput, operation: submitReport });
export const replyToReviewCommentAction = defineAction({
  input: replyToReviewCommentInput,
  operation: replyToReviewComment,
});
