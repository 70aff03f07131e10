"use server";
import { sendSeasonNotice, sendSeasonNoticeInput } from "@/lib/reports/send-season-notice";
import { defineAction } from "@/lib/server/define-action";

// The county is the sender's own (a reviewer's or county administrator's); the input names only the units.
export const sendSeasonNoticeAction = defineAction({
  input: sendSeasonNoticeInput,
  operation: sendSeasonNotice,
  args: ({ input, user }) => [user?.organizationId ?? null, input, new Date()],
});
