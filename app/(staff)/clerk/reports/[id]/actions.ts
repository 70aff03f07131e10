"use server";
import { defineAction } from "@/lib/server/define-action";
import { saveDraft, saveDraftInput } from "@/lib/reports/save-draft";
import { submitReport, submitReportInput } from "@/lib/reports/submit-report";

export const saveDraftAction = defineAction({
  name: "saveDraft",
  input: saveDraftInput,
  run: ({ input, actor }) => saveDraft(actor, input),
});

export const submitReportAction = defineAction({
  name: "submitReport",
  input: submitReportInput,
  run: ({ input, actor }) => submitReport(actor, input),
});
