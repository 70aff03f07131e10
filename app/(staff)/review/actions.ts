"use server";
import { addReviewComment, addReviewCommentInput } from "@/lib/reports/add-review-comment";
import { approveReport, approveReportInput } from "@/lib/reports/approve-report";
import { confirmImportedReport, confirmImportInput } from "@/lib/reports/confirm-imported-report";
import { publishReport, publishReportInput } from "@/lib/reports/publish-report";
import { reopenReportForCorrection, reopenReportInput } from "@/lib/reports/reopen-report-for-correction";
import { resolveReviewComment, resolveReviewCommentInput } from "@/lib/reports/resolve-review-comment";
import { returnReport, returnReportInput } from "@/lib/reports/return-report";
import { defineAction } from "@/lib/server/define-action";

export const addReviewCommentAction = defineAction({ input: addReviewCommentInput, operation: addReviewComment });
export const returnReportAction = defineAction({ input: returnReportInput, operation: returnReport });
export const approveReportAction = defineAction({ input: approveReportInput, operation: approveReport });
export const publishReportAction = defineAction({ input: publishReportInput, operation: publishReport });
export const reopenReportAction = defineAction({ input: reopenReportInput, operation: reopenReportForCorrection });
export const confirmImportAction = defineAction({ input: confirmImportInput, operation: confirmImportedReport });
export const resolveReviewCommentAction = defineAction({
  input: resolveReviewCommentInput,
  operation: resolveReviewComment,
});
