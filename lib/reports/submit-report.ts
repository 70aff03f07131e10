import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/workflow/policy";
import { transitionInput, transitionReport } from "./transition-report";

export const submitReportInput = transitionInput.pick({
  reportId: true,
  expectedVersion: true,
  acknowledgements: true,
});

/** The clerk hands the report to review; the server runs the rules again (transitionReport). */
export function submitReport(actor: Actor, input: z.infer<typeof submitReportInput>) {
  return transitionReport(actor, { ...input, transition: "submit" });
}
