"use server";
import { z } from "zod";
import { defineAction } from "@/lib/server/define-action";
import { startReport } from "@/lib/reports/start-report";

export const startReportAction = defineAction({
  name: "startReport",
  // Which years may be started is startReport's rule (startYearProblem), with its own messages.
  input: z.strictObject({ year: z.number({ error: "请选择年度" }).int({ error: "请选择年度" }) }),
  operation: startReport,
  // A clerk starts their own organization's report (the policy refuses anyone else).
  args: ({ input, actor }) => [actor?.organizationId ?? null, input.year],
});
