import "server-only";
import type { Actor } from "@/lib/workflow/policy";
import type { z } from "zod";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeReport } from "./authorize-report";
import { applyTransition, transitionInput } from "./transition-report";

export const submitReportInput = transitionInput.pick({
  reportId: true,
  expectedVersion: true,
  acknowledgements: true,
});

/** The clerk hands the report to review; the server runs the rules again and needs a reason for each warning. */
export const submitReport = defineOperation({
  name: "submitReport",
  action: "report.transition",
  authorize: (actor: Actor, input: z.infer<typeof submitReportInput>) =>
    authorizeReport(actor, "report.transition", input.reportId, { transition: "submit" }),
  run: (authorized, actor, input) => applyTransition(actor, authorized, "submit", input),
});
