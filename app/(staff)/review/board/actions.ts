"use server";
import { sendSeasonNotice, sendSeasonNoticeInput } from "@/lib/reports/send-season-notice";
import { defineAction } from "@/lib/server/define-action";
import { publishCountyReports, publishCountyReportsInput } from "@/lib/jobs/publish-county-reports";

// The county is the sender's own (a reviewer's or county administrator's); the input names only the units.
export const sendSeasonNoticeAction = defineAction({
  input: sendSeasonNoticeInput,
  operation: sendSeasonNotice,
  args: ({ input, user }) => [user?.organizationId ?? null, input, new Date()],
});

// Publishing every approved report of the reviewer's own county and year, as a job of the
// queue (lib/jobs/publish-county-reports.ts); the board follows it with app/(staff)/jobs/actions.ts.
export const publishCountyReportsAction = defineAction({
  input: publishCountyReportsInput,
  operation: publishCountyReports,
  args: ({ input, user }) => [user?.organizationId ?? null, input],
});
