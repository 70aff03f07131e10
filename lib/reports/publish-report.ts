import "server-only";
import { z } from "zod";
import { checkedText, toStoredReportData } from "@/lib/report-data";
import { textCorrectionsRecord } from "@/lib/rules";
import { toDateColumn } from "@/lib/format/calendar-day";
import { insertPublication, nextPublicationSequence } from "@/lib/publications/insert-publication";
import { publicSiteChanged } from "@/lib/publications/public-answers";
import { renderPublication } from "@/lib/publications/render-publication";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport, type AuthorizedReport } from "./authorize-report";
import { preparePublication } from "./prepare-publication";
import { applyTransition, expectedVersionField } from "./transition-report";

export const MAX_CORRECTION_NOTE_LENGTH = 2_000;

/** A 成文日期 as the forms send it; whether it fits the report is decided with the report. */
export const documentDateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "成文日期格式应为 YYYY-MM-DD，例如 2025-01-20" });

export const publishReportInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  expectedVersion: expectedVersionField,
  /** 更正说明: required when the report was published before (a correction). */
  correctionNote: checkedText(z.string({ error: "请填写更正说明" }))
    .trim()
    .max(MAX_CORRECTION_NOTE_LENGTH, { error: `更正说明不超过 ${MAX_CORRECTION_NOTE_LENGTH} 字` })
    .optional(),
  /** 成文日期; default the one set at approval, else the day of publication. */
  documentDate: documentDateField.optional(),
});

/** The operation also takes the clock (tests set it); the action's input never carries it. */
export type PublishReportInput = z.infer<typeof publishReportInput> & { now?: Date };

/** The 更正说明 a publication carries: none for the first, required for every later one. */
export function correctionNoteFor(sequence: number, note: string | undefined): string | null {
  if (sequence === 1) return null;
  if (!note)
    throw new AppError("INVALID_INPUT", "这是对已发布报告的更正，请填写更正说明。", { field: "correctionNote" });
  return note;
}

/**
 * Publishes an approved report: freezes the view, HTML, PDF and DOCX as the next
 * Publication. The policy is asked first; the report may not be published before its
 * 统计期限 has ended, and its 成文日期 must fall after that and not after today; rendering
 * (about a second) happens before the transaction; the transaction then checks that no one
 * published or changed the report meanwhile, moves it to 已发布, keeps the 成文日期 on the
 * report and stores the snapshot. A correction (the report was published before) needs a
 * 更正说明, which is also the transition's audit comment.
 */
export const publishReport = defineOperation({
  name: "publishReport",
  action: "report.transition",
  authorize: (actor: Actor, input: PublishReportInput) =>
    authorizeReport(actor, "report.transition", input.reportId, { transition: "publish" }),
  run: (authorized, actor, input) => publishThrough(authorized, actor, "publish", input),
});

/**
 * Everything that refuses a publication before anything is rendered: a stale page (the
 * version), a correction without its 更正说明, the dates. The publication job is queued only
 * once these pass (lib/jobs/publish-report-job.ts), and they are asked again when it runs.
 */
export async function checkPublication(
  authorized: AuthorizedReport<"publish" | "confirmImport">,
  input: Omit<PublishReportInput, "reportId">,
) {
  const { report } = authorized;
  // Checked again in the transaction; here so that a stale page does not render for nothing.
  if (report.version !== input.expectedVersion)
    throw new AppError("CONFLICT", "报告已被他人修改，请刷新页面查看最新内容后再操作。");
  const sequence = await nextPublicationSequence(db, report.id);
  const correctionNote = correctionNoteFor(sequence, input.correctionNote);
  const prepared = preparePublication(report, {
    now: input.now ?? new Date(),
    sequence,
    documentDate: input.documentDate,
    correctionNote,
  });
  const problem = prepared.problems[0];
  if (problem) throw new AppError("INVALID_STATE", problem.message, { field: problem.field });
  return {
    sequence,
    correctionNote,
    publication: prepared.input,
    textCorrections: prepared.textCorrections,
    correctedData: prepared.correctedData,
  };
}

/**
 * The publication of a report along one of the rows that publish: `publish` (an approved
 * report) or `confirmImport` (an imported report a reviewer confirmed as read).
 */
export async function publishThrough<T extends "publish" | "confirmImport">(
  authorized: AuthorizedReport<T>,
  actor: Actor,
  transition: T,
  input: Omit<PublishReportInput, "reportId">,
): Promise<{ status: string; version: number; sequence: number }> {
  const { report } = authorized;
  const now = input.now ?? new Date();
  const { sequence, correctionNote, publication, textCorrections, correctedData } = await checkPublication(authorized, {
    ...input,
    now,
  });
  const snapshot = await renderPublication(publication);

  const result = await applyTransition(
    actor,
    authorized,
    transition,
    {
      expectedVersion: input.expectedVersion,
      comment: correctionNote ?? undefined,
      ...(textCorrections.length > 0 ? { detail: { textCorrections: textCorrectionsRecord(textCorrections) } } : {}),
    },
    async (tx, updated) => {
      if ((await nextPublicationSequence(tx, report.id)) !== sequence)
        throw new AppError("CONFLICT", "报告已被他人发布，请刷新页面查看最新状态。");
      // The text as published is the report's text from now on, a version of its own.
      const corrected = correctedData ? toStoredReportData(correctedData) : undefined;
      await tx.report.update({
        where: { id: report.id },
        data: { documentDate: toDateColumn(publication.documentDate!), ...(corrected ? { data: corrected } : {}) },
      });
      if (corrected)
        await tx.reportRevision.create({
          data: {
            reportId: report.id,
            version: updated.version,
            status: "PUBLISHED",
            data: corrected,
            authorId: actor?.userId ?? null,
          },
        });
      await insertPublication(tx, {
        reportId: report.id,
        publication,
        snapshot,
        publishedAt: now,
        publishedById: actor?.userId ?? null,
      });
    },
  );
  // Committed: no public answer from before (the latest page, the catalogue) may be served again.
  publicSiteChanged();
  return { ...result, sequence };
}
