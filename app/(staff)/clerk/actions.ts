"use server";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { defineAction } from "@/lib/server/define-action";
import { startReport } from "@/lib/reports/start-report";

export const startReportAction = defineAction({
  name: "startReport",
  // Which years may be started is startReport's rule (startYearProblem), with its own messages.
  input: z.strictObject({ year: z.number({ error: "请选择年度" }).int({ error: "请选择年度" }) }),
  run: async ({ input, user, actor }) => {
    if (!user?.organizationId) throw new AppError("FORBIDDEN");
    return startReport(actor, user.organizationId, input.year);
  },
});
