import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TransitionEffect } from "./transition-report";
import type { Actor } from "@/lib/workflow/policy";
import { getReport } from "./get-report";
import { MAX_COMMENT_LENGTH, transitionReport } from "./transition-report";

export const returnReportInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  expectedVersion: z.number().int().positive(),
  comment: z
    .string({ error: "退回时请说明需要修改的内容。" })
    .trim()
    .min(1, { error: "退回时请说明需要修改的内容。" })
    .max(MAX_COMMENT_LENGTH, { error: `说明不超过 ${MAX_COMMENT_LENGTH} 字` }),
});

/**
 * Sends a submitted (or approved, not yet published) report back to the clerk. The data
 * as the reviewer saw it is kept as a ReportRevision of the version the return produces,
 * so the next review can show what changed since (see loadReturnBaseline).
 */
export async function returnReport(actor: Actor, input: z.infer<typeof returnReportInput>) {
  const loaded = await getReport(actor, input.reportId);
  return transitionReport(
    actor,
    { reportId: input.reportId, transition: "return", expectedVersion: input.expectedVersion, comment: input.comment },
    recordReturnSnapshot(actor, loaded.report.data),
    loaded,
  );
}

/**
 * The transition effect that keeps the data a reviewer sent back. The transition is guarded
 * on the version the data was read at, so this is exactly the data the reviewer saw.
 */
export function recordReturnSnapshot(actor: Actor, data: unknown): TransitionEffect {
  return async (tx, updated) => {
    // skipDuplicates: a revision of this version written by anyone else must never make the return fail.
    await tx.reportRevision.createMany({
      data: [{ reportId: updated.id, version: updated.version, status: "RETURNED", data: data as Prisma.InputJsonValue, authorId: actor?.userId ?? null }],
      skipDuplicates: true,
    });
  };
}
