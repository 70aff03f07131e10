import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TransitionEffect } from "./transition-report";
import type { Actor } from "@/lib/workflow/policy";
import { getReport } from "./get-report";
import { MAX_COMMENT_LENGTH, transitionReport } from "./transition-report";

/** Input of a transition that sends the report back to the clerk: a reason is required. */
export function sendBackInput(missingReason: string) {
  return z.strictObject({
    reportId: z.uuid({ error: "报告编号无效" }),
    expectedVersion: z.number().int().positive(),
    comment: z
      .string({ error: missingReason })
      .trim()
      .min(1, { error: missingReason })
      .max(MAX_COMMENT_LENGTH, { error: `说明不超过 ${MAX_COMMENT_LENGTH} 字` }),
  });
}

export const returnReportInput = sendBackInput("退回时请说明需要修改的内容。");

type SendBackInput = z.infer<typeof returnReportInput>;

/**
 * Sends a report back to the clerk (return, or reopen for correction) keeping the data as
 * the reviewer saw it: a ReportRevision of the version the transition produces, so the
 * next review can show what changed since (see loadReturnBaseline).
 */
export async function sendBackReport(actor: Actor, transition: "return" | "reopenForCorrection", input: SendBackInput) {
  const loaded = await getReport(actor, input.reportId);
  return transitionReport(
    actor,
    { reportId: input.reportId, transition, expectedVersion: input.expectedVersion, comment: input.comment },
    recordReturnSnapshot(actor, loaded.report.data),
    loaded,
  );
}

/** Sends a submitted (or approved, not yet published) report back to the clerk. */
export async function returnReport(actor: Actor, input: SendBackInput) {
  return sendBackReport(actor, "return", input);
}

/**
 * The transition effect that keeps the data a reviewer sent back. The transition is guarded
 * on the version the data was read at, so this is exactly the data the reviewer saw.
 */
export function recordReturnSnapshot(actor: Actor, data: unknown): TransitionEffect {
  return async (tx, updated) => {
    // skipDuplicates: a revision of this version written by anyone else must never make the return fail.
    await tx.reportRevision.createMany({
      data: [
        {
          reportId: updated.id,
          version: updated.version,
          status: "RETURNED",
          data: data as Prisma.InputJsonValue,
          authorId: actor?.userId ?? null,
        },
      ],
      skipDuplicates: true,
    });
  };
}
