"use server";
import { z } from "zod";
import { defineAction } from "@/lib/server/define-action";
import { startReport } from "@/lib/reports/start-report";

export const startReportAction = defineAction({
  name: "startReport",
  input: z.strictObject({ year: z.number().int().min(2019).max(2100) }),
  operation: startReport,
  // A clerk starts their own organization's report (the policy refuses anyone else).
  args: ({ input, actor }) => [actor?.organizationId ?? null, input.year],
});
