"use server";
import { sendSeasonNotice, sendSeasonNoticeInput } from "@/lib/reports/send-season-notice";
import { defineAction } from "@/lib/server/define-action";
import { jobInput, readJobProgress, retryJob } from "@/lib/jobs/follow-job";
import { publishCountyReports, publishCountyReportsInput } from "@/lib/jobs/publish-county-reports";

// The county is the sender's own (a reviewer's or county administrator's); the input names only the units.
export const sendSeasonNoticeAction = defineAction({
  input: sendSeasonNoticeInput,
  operation: sendSeasonNotice,
  args: ({ input, user }) => [user?.organizationId ?? null, input, new Date()],
});

// Publishing every approved report of the reviewer's own county and year, as a job of the
// queue (lib/jobs/publish-county-reports.ts), and following it.
export const publishCountyReportsAction = defineAction({
  input: publishCountyReportsInput,
  operation: publishCountyReports,
  args: ({ input, user }) => [user?.organizationId ?? null, input],
});

export const readJobProgressAction = defineAction({ input: jobInput, operation: readJobProgress });

export const retryJobAction = defineAction({ input: jobInput, operation: retryJob });
