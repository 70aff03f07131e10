import "server-only";
import type { Actor } from "@/lib/workflow/policy";
import { z } from "zod";
import { chinaDay, isCalendarDay, toDateColumn } from "@/lib/format/calendar-day";
import { nextPublicationSequence } from "@/lib/publications/insert-publication";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import { authorizeReport } from "./authorize-report";
import { preparePublication } from "./prepare-publication";
import { startReportPublication } from "@/lib/jobs/publish-report-job";
import type { JobView } from "@/lib/jobs/background-job";
import { correctionNoteFor, documentDateField, publishReport, publishReportInput } from "./publish-report";
import { applyTransition, commentField, expectedVersionField } from "./transition-report";

export const approveReportInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  expectedVersion: expectedVersionField,
  comment: commentField.optional(),
  /** 成文日期 the signature will carry (YYYY-MM-DD); default the day of approval. */
  documentDate: documentDateField.optional(),
  /** Publish at once after approving (审核通过并发布). */
  publish: z.boolean({ error: "请刷新页面后重试" }).optional(),
  correctionNote: publishReportInput.shape.correctionNote,
});

/**
 * The operation also takes the clock (tests set it), and `publishInJob` (the review page's
 * action sets it): the publication is queued as a job instead of rendered in the request.
 */
export type ApproveReportInput = z.infer<typeof approveReportInput> & { now?: Date; publishInJob?: boolean };

/**
 * Approves a submitted report (the server runs the rules again), sets its 成文日期 (the one
 * given, else the day of approval; the reviewer can change it until publication), and
 * publishes it right after when asked (in the request, or as a job of the queue with
 * `publishInJob`). These are two transitions: if publishing fails, the report stays approved
 * and can be published from the review page. Everything publishing
 * would refuse (the 更正说明, the dates) is asked before approving. The policy is asked
 * before anything about the report is checked, so a report that is not yours answers
 * NOT_FOUND whatever the input.
 */
export const approveReport = defineOperation({
  name: "approveReport",
  action: "report.transition",
  authorize: (actor: Actor, input: ApproveReportInput) =>
    authorizeReport(actor, "report.transition", input.reportId, { transition: "approve" }),
  run: async (
    authorized,
    actor,
    input,
  ): Promise<{ status: string; version: number; sequence?: number; job?: JobView }> => {
    const now = input.now ?? new Date();
    const documentDate = input.documentDate ?? chinaDay(now);
    if (!isCalendarDay(documentDate))
      throw new AppError("INVALID_INPUT", "成文日期须为真实存在的日期，例如 2025-01-20。", { field: "documentDate" });
    if (input.publish) {
      const sequence = await nextPublicationSequence(db, authorized.report.id);
      const correctionNote = correctionNoteFor(sequence, input.correctionNote);
      const problem = preparePublication(authorized.report, { now, sequence, documentDate, correctionNote })
        .problems[0];
      if (problem) throw new AppError("INVALID_STATE", problem.message, { field: problem.field });
    }
    const approved = await applyTransition(
      actor,
      authorized,
      "approve",
      { expectedVersion: input.expectedVersion, comment: input.comment },
      async (tx, report) => {
        await tx.report.update({ where: { id: report.id }, data: { documentDate: toDateColumn(documentDate) } });
      },
    );
    if (!input.publish) return approved;
    const publication = {
      reportId: input.reportId,
      expectedVersion: approved.version,
      correctionNote: input.correctionNote,
      documentDate,
      now,
    };
    if (input.publishInJob) return { ...approved, job: await startReportPublication(actor, publication) };
    return publishReport(actor, publication);
  },
});
