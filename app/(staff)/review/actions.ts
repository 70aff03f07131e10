"use server";
import { addReviewComment, addReviewCommentInput } from "@/lib/reports/add-review-comment";
import { approveReport, approveReportInput } from "@/lib/reports/approve-report";
import {
  startImportConfirmation,
  startImportConfirmationInput,
  startReportPublication,
  startReportPublicationInput,
} from "@/lib/jobs/publish-report-job";
import { reopenReportForCorrection, reopenReportInput } from "@/lib/reports/reopen-report-for-correction";
import { resolveReviewComment, resolveReviewCommentInput } from "@/lib/reports/resolve-review-comment";
import { returnReport, returnReportInput } from "@/lib/reports/return-report";
import { defineAction } from "@/lib/server/define-action";

// The decisions on a report. 审核通过并发布, 发布… and 确认导入并发布 queue the publication (its
// PDF and DOCX) as a job of the queue, once everything that can refuse it has been asked; the
// page follows the job.
export const approveReportAction = defineAction({
  input: approveReportInput,
  operation: approveReport,
  args: ({ input }) => [{ ...input, publishInJob: true }],
});
export const publishReportAction = defineAction({
  input: startReportPublicationInput,
  operation: startReportPublication,
});
export const returnReportAction = defineAction({ input: returnReportInput, operation: returnReport });
export const reopenReportAction = defineAction({ input: reopenReportInput, operation: reopenReportForCorrection });
export const confirmImportAction = defineAction({
  input: startImportConfirmationInput,
  operation: startImportConfirmation,
});

// The reviewer's comments (批注): adding one, marking one resolved.
export const addReviewCommentAction = defineAction({ input: addReviewCommentInput, operation: addReviewComment });
export const resolveReviewCommentAction = defineAction({
  input: resolveReviewCommentInput,
  operation: resolveReviewComment,
});
