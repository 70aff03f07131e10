import "server-only";
import type { Actor } from "@/lib/workflow/policy";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeReport } from "./authorize-report";

/** A report the actor may read; NOT_FOUND whether it is missing or not theirs. */
export const getReport = defineOperation({
  name: "getReport",
  action: "report.read",
  authorize: (actor: Actor, reportId: string) => authorizeReport(actor, "report.read", reportId),
  run: async (report) => report,
});
