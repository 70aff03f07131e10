import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import {
  transitions,
  type ReportStatus,
  type TransitionName,
  type TransitionOutcome,
} from "@/lib/workflow/transitions";
import { evaluateStoredReport } from "./evaluate-stored-report";
import { findingKey } from "@/lib/report-data";
import { getReport } from "./get-report";
import type { LoadedReport } from "./load-report";

export const MAX_COMMENT_LENGTH = 2_000;
export const MAX_REASON_LENGTH = 500;

export const transitionInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  transition: z.enum(Object.keys(transitions) as [TransitionName, ...TransitionName[]]),
  expectedVersion: z.number().int().positive(),
  comment: z
    .string()
    .trim()
    .max(MAX_COMMENT_LENGTH, { error: `说明不超过 ${MAX_COMMENT_LENGTH} 字` })
    .optional(),
  /** The clerk's reason for each warning, keyed by findingKey (submit only). */
  acknowledgements: z
    .record(
      z.string().max(300),
      z
        .string()
        .trim()
        .max(MAX_REASON_LENGTH, { error: `理由不超过 ${MAX_REASON_LENGTH} 字` }),
    )
    .optional(),
});

export type TransitionInput = z.infer<typeof transitionInput>;

/** Work done before the transaction (publishing renders the PDF), then written inside it. */
export type TransitionEffect = (tx: Prisma.TransactionClient, report: { id: string; version: number }) => Promise<void>;

const timestampOf: Partial<Record<ReportStatus, "submittedAt" | "approvedAt" | "publishedAt">> = {
  SUBMITTED: "submittedAt",
  APPROVED: "approvedAt",
  PUBLISHED: "publishedAt",
};

/**
 * Moves a report along the transition table. The policy decides who may; the server runs
 * the rules again where the transition depends on them (submit, approve, publish); the
 * status change, the audit event and any effect are one transaction guarded by the
 * expected status and version, so a double click or two reviewers cannot both win.
 */
export async function transitionReport(
  actor: Actor,
  input: TransitionInput,
  effect?: TransitionEffect,
  /** The report as the caller already read it (the effect was built from this read). */
  preloaded?: LoadedReport,
): Promise<TransitionOutcome> {
  if (preloaded && preloaded.report.id !== input.reportId) throw new AppError("INTERNAL", "报告编号不一致。");
  const loaded = preloaded ?? (await getReport(actor, input.reportId));
  authorize(actor, "report.read", loaded.subject);
  authorize(actor, "report.transition", { ...loaded.subject, transition: input.transition }, "FORBIDDEN");
  const { report } = loaded;
  if (report.version !== input.expectedVersion)
    throw new AppError("CONFLICT", "报告已被他人修改，请刷新页面查看最新内容后再操作。");
  if (input.transition === "return" && !input.comment)
    throw new AppError("INVALID_INPUT", "退回时请说明需要修改的内容。");

  let acknowledgements: Record<string, string> | undefined;
  if (input.transition === "submit" || input.transition === "approve" || input.transition === "publish") {
    const { findings } = await evaluateStoredReport(report);
    const errors = findings.filter((finding) => finding.severity === "error");
    if (errors.length > 0)
      throw new AppError(
        "INVALID_STATE",
        `报告还有 ${errors.length} 处错误，改正后才能${transitions[input.transition].label}。`,
        { findings },
      );
    if (input.transition === "submit") {
      const warnings = findings.filter((finding) => finding.severity === "warning");
      const given = input.acknowledgements ?? {};
      const missing = warnings.filter((warning) => !given[findingKey(warning)]?.trim());
      if (missing.length > 0)
        throw new AppError("INVALID_INPUT", `请为 ${missing.length} 条提示逐条说明理由后再提交。`, {
          findings: missing,
        });
      acknowledgements = Object.fromEntries(
        warnings.map((warning) => [findingKey(warning), given[findingKey(warning)]!.trim()]),
      );
    }
  }

  const target = transitions[input.transition].to;
  const timestamp = timestampOf[target];
  return db.$transaction(async (tx) => {
    const updated = await tx.report.updateMany({
      where: { id: report.id, status: report.status, version: input.expectedVersion },
      data: {
        status: target,
        version: { increment: 1 },
        ...(timestamp ? { [timestamp]: new Date() } : {}),
        ...(acknowledgements ? { acknowledgements } : {}),
      },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "报告已被他人处理，请刷新页面查看最新状态。");
    const version = input.expectedVersion + 1;
    await tx.auditEvent.create({
      data: {
        action: `report.${input.transition}`,
        actorId: actor?.userId ?? null,
        organizationId: report.organizationId,
        reportId: report.id,
        fromStatus: report.status,
        toStatus: target,
        comment: input.comment ?? null,
        detail: acknowledgements ? { acknowledgements } : undefined,
      },
    });
    if (effect) await effect(tx, { id: report.id, version });
    return { status: target, version };
  });
}
