import "server-only";
import { z } from "zod";
import { defineTransition, expectedVersionField, transitionCommentField } from "./transition-report";

/** The input of a transition that sends the report back to the clerk: its row requires a reason. */
export function sendBackInput(transition: "return" | "reopenForCorrection") {
  return z.strictObject({
    reportId: z.uuid({ error: "报告编号无效" }),
    expectedVersion: expectedVersionField,
    comment: transitionCommentField(transition),
  });
}

export const returnReportInput = sendBackInput("return");

/**
 * Sends a submitted (or approved, not yet published) report back to the clerk. The data as
 * the reviewer saw it is kept (the row's keepsReturnSnapshot), so the next review can show
 * what changed since (see loadReturnBaseline).
 */
export const returnReport = defineTransition<z.infer<typeof returnReportInput>>("returnReport", "return");
