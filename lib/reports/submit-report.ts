import "server-only";
import type { z } from "zod";
import { defineTransition, transitionInput } from "./transition-report";

export const submitReportInput = transitionInput.pick({
  reportId: true,
  expectedVersion: true,
  acknowledgements: true,
});

/** The clerk hands the report to review; the server runs the rules again and needs a reason for each warning. */
export const submitReport = defineTransition<z.infer<typeof submitReportInput>>("submitReport", "submit");
