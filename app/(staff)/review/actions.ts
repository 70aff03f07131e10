"use server";
import { addReviewComment, addReviewCommentInput } from "@/lib/reports/add-review-comment";
import { approveReport, approveReportInput } from "@/lib/reports/approve-report";
import { confirmImportedReport, confirmImportInput } from "@/lib/reports/confirm-imported-report";
import { publishReport, publishReportInput } from "@/lib/reports/publish-report";
import { reopenReportForCorrection, reopenReportInput } from "@/lib/reports/reopen-report-for-correction";
import { returnReport, returnReportInput } from "@/lib/reports/return-report";
import { defineAction } from "@/lib/server/define-action";

export const addReviewCommentAction = defineAction({
  name: "addReviewComment",
  input: addReviewCommentInput,
  operation: addReviewComment,
});

export const returnReportAction = defineAction({
  name: "returnReport",
  input: returnReportInput,
  operation: returnReport,
});

export const approveReportAction = defineAction({
  name: "approveReport",
  input: approveReportInput,
  operation: approveReport,
});

export const publishReportAction = defineAction({
  name: "publishReport",
  input: publishReportInput,
  operation: publishReport,
});

export const reopenReportAction = defineAction({
  name: "reopenReport",
  input: reopenReportInput,
  operation: reopenReportForCorrection,
});

export const confirmImportAction = defineAction({
  name: "confirmImport",
  input: confirmImportInput,
  operation: confirmImportedReport,
});
