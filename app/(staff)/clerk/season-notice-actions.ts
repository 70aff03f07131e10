"use server";
import { markSeasonNoticeRead, markSeasonNoticeReadInput } from "@/lib/reports/mark-season-notice-read";
import { defineAction } from "@/lib/server/define-action";

export const markSeasonNoticeReadAction = defineAction({
  input: markSeasonNoticeReadInput,
  operation: markSeasonNoticeRead,
});
