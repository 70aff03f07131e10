"use server";
import { addReviewComment, addReviewCommentInput } from "@/lib/reports/add-review-comment";
import { approveReport, approveReportInput } from "@/lib/reports/approve-report";
import { publishReport, publishReportInput } from "@/lib/reports/publish-report";
import { reopenReportForCorrection, reopenReportInput } from "@/lib/reports/reopen-report-for-correction";
import { returnReport, returnReportInput } from "@/lib/reports/return-report";
import { defineAction } from "@/lib/server/define-action";

export const addReviewCommentAction = defineAction({
  name: "addReviewComment",
  input: addReviewCommentInput,
  run: ({ input, actor }) => addReviewComment(actor, input),
});

export const returnReportAction = defineAction({
  name: "returnReport",
  input: returnReportInput,
  run: ({ input, actor }) => returnReport(actor, input),
});

export const approveReportAction = defineAction({
  name: "approveReport",
  input: approveReportInput,
  run: ({ input, actor }) => approveReport(actor, input),
});

export const publishReportAction = defineAction({
  name: "publishReport",
  input: publishReportInput,
  run: ({ input, actor }) => publishReport(actor, input),
});

export const reopenReportAction = defineAction({
  name: "reopenReport",
  input: reopenReportInput,
  run: ({ input, actor }) => reopenReportForCorrection(actor, input),
});
