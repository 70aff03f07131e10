"use server";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { defineAction } from "@/lib/server/define-action";
import { startReport } from "@/lib/reports/start-report";

export const startReportAction = defineAction({
  name: "startReport",
  input: z.strictObject({ year: z.number().int().min(2019).max(2100) }),
  run: async ({ input, user, actor }) => {
    if (!user?.organizationId) throw new AppError("FORBIDDEN");
    return startReport(actor, user.organizationId, input.year);
  },
});
