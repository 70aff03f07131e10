import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import {
  MAX_COMMENT_LENGTH,
  MAX_REASON_LENGTH,
  transitionNames,
  transitionRow,
  type TransitionName,
  type TransitionOutcome,
} from "@/lib/workflow/transitions";
import { checkedText, findingKey } from "@/lib/report-data";
import { authorizeReport, type AuthorizedReport } from "./authorize-report";
import { evaluateStoredReport } from "./evaluate-stored-report";
import { reportAuditEvent } from "./report-audit-event";

const commentTooLong = { error: `说明不超过 ${MAX_COMMENT_LENGTH} 字` };

/** A transition's optional comment (审核意见, 退回理由…): trimmed, at most MAX_COMMENT_LENGTH characters, no control characters. */
export const commentField = checkedText(z.string()).trim().max(MAX_COMMENT_LENGTH, commentTooLong);

const stalePage = { error: "页面上的报告版本无效，请刷新页面后重试" };

/** The report version the page was showing: written by the page, never typed, so anything else means a stale or forged page. */
export const expectedVersionField = z.number(stalePage).int(stalePage).positive(stalePage);

export const transitionInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  transition: z.enum(transitionNames, { error: "操作无效，请刷新页面后重试" }),
  expectedVersion: expectedVersionField,
  comment: commentField.optional(),
  /** The clerk's reason for each warning, keyed by findingKey (transitions whose warnings need reasons). */
  acknowledgements: z
    .record(
      z.string().max(300),
      checkedText(z.string({ error: "请填写理由" }))
        .trim()
        .max(MAX_REASON_LENGTH, { error: `理由不超过 ${MAX_REASON_LENGTH} 字` }),
    )
    .optional(),
});

export type TransitionInput = z.infer<typeof transitionInput>;

/** The comment field of a transition's own input: required, with its row's wording, where the row says so. */
export function transitionCommentField(name: TransitionName) {
  const missing = transitionRow(name).commentRequired;
  return missing
    ? checkedText(z.string({ error: missing }))
        .trim()
        .min(1, { error: missing })
        .max(MAX_COMMENT_LENGTH, commentTooLong)
    : commentField;
}

/** Work done before the transaction (publishing renders the PDF), then written inside it. */
export type TransitionEffect = (tx: Prisma.TransactionClient, report: { id: string; version: number }) => Promise<void>;

/**
 * Applies one row of the transition table (lib/workflow/transitions.ts) to a report the
 * policy allowed that transition on: the comment the row requires, the rules gate and the
 * reasons for warnings where the row asks for them, then one transaction guarded by the
 * expected status and version (so a double click or two reviewers cannot both win) that
 * sets the status and the row's timestamp, keeps the data sent back where the row says so,
 * writes the row's audit event and any effect.
 */
export async function applyTransition<T extends TransitionName>(
  actor: Actor,
  authorized: AuthorizedReport<T>,
  name: T,
  input: Pick<TransitionInput, "expectedVersion" | "comment" | "acknowledgements"> & {
    /** What the audit event records besides the row's own (an import's file, for one). */
    detail?: Prisma.InputJsonObject;
  },
  effect?: TransitionEffect,
): Promise<TransitionOutcome> {
  const row = transitionRow(name);
  const { report } = authorized;
  if (report.version !== input.expectedVersion)
    throw new AppError("CONFLICT", "报告已被他人修改，请刷新页面查看最新内容后再操作。");
  const comment = input.comment?.trim() || undefined;
  if (row.commentRequired && !comment) throw new AppError("INVALID_INPUT", row.commentRequired);

  let acknowledgements: Record<string, string> | undefined;
  if (row.isGatedByRules) {
    const { findings } = await evaluateStoredReport(report);
    const errors = findings.filter((finding) => finding.severity === "error");
    if (errors.length > 0)
      throw new AppError("INVALID_STATE", `报告还有 ${errors.length} 处错误，改正后才能${row.label}。`, { findings });
    if (row.warningsNeedReasons) {
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

  // A step on a report whose data an import brought in names that import in its audit event.
  const detail: Prisma.InputJsonObject = {
    ...(report.importId ? { importId: report.importId } : {}),
    ...input.detail,
    ...(acknowledgements ? { acknowledgements } : {}),
  };
  return db.$transaction(async (tx) => {
    const updated = await tx.report.updateMany({
      where: { id: report.id, status: report.status, version: input.expectedVersion },
      data: {
        status: row.to,
        version: { increment: 1 },
        ...(row.stamps ? { [row.stamps]: new Date() } : {}),
        ...(acknowledgements ? { acknowledgements } : {}),
      },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "报告已被他人处理，请刷新页面查看最新状态。");
    const version = input.expectedVersion + 1;
    if (row.keepsReturnSnapshot) {
      // The transition is guarded on the version the data was read at, so this is exactly the
      // data the reviewer saw. skipDuplicates: a revision of this version written by anyone
      // else must never make the transition fail.
      await tx.reportRevision.createMany({
        data: [
          {
            reportId: report.id,
            version,
            status: row.to,
            data: report.data as Prisma.InputJsonValue,
            authorId: actor?.userId ?? null,
          },
        ],
        skipDuplicates: true,
      });
    }
    await tx.auditEvent.create({
      data: reportAuditEvent(actor, row.audit, report, {
        fromStatus: report.status,
        toStatus: row.to,
        comment: comment ?? null,
        detail: Object.keys(detail).length > 0 ? detail : undefined,
      }),
    });
    if (row.closesComments)
      await tx.reviewComment.updateMany({
        where: { reportId: report.id, resolvedAt: null },
        data: { resolvedAt: new Date() },
      });
    if (effect) await effect(tx, { id: report.id, version });
    return { status: row.to, version };
  });
}

/**
 * Moves a report along the transition named in the input. The policy decides who may (from
 * the row's role and `from` statuses); publishing goes through publishReport, which adds
 * the publication.
 */
export const transitionReport = defineOperation({
  name: "transitionReport",
  action: "report.transition",
  authorize: (actor: Actor, input: TransitionInput) =>
    authorizeReport(actor, "report.transition", input.reportId, { transition: input.transition }),
  run: (authorized, actor, input) => applyTransition(actor, authorized, input.transition, input),
});

/** What a transition of its own needs: the report, the version seen and what its row asks for. */
type OwnTransitionInput = Pick<TransitionInput, "reportId" | "expectedVersion" | "comment" | "acknowledgements">;

/** The operation of one transition that needs nothing beyond its row (submit, return, reopen). */
export function defineTransition<I extends OwnTransitionInput>(name: string, transition: TransitionName) {
  return defineOperation({
    name,
    action: "report.transition",
    authorize: (actor: Actor, input: I) => authorizeReport(actor, "report.transition", input.reportId, { transition }),
    run: (authorized, actor, input) => applyTransition(actor, authorized, transition, input),
  });
}
