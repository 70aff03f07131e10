import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publicSiteChanged } from "@/lib/publications/public-answers";
import { toDateColumn } from "@/lib/format/calendar-day";
import { checkedText, toStoredReportData } from "@/lib/report-data";
import { authorizeCounty } from "@/lib/organizations/authorize-county";
import { notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { loadCountySummary } from "./load-county-summary";
import { prepareSummaryPublication } from "./prepare-summary-publication";
import { organizationAuditEvent } from "./report-audit-event";
import { correctionNoteFor, MAX_CORRECTION_NOTE_LENGTH } from "./publish-report";
import { renderSummaryPublication } from "./render-county-summary";

const yearField = z
  .number({ error: "报告年度无效，请刷新页面后重试" })
  .int({ error: "报告年度无效，请刷新页面后重试" })
  .min(2000, { error: "报告年度无效，请刷新页面后重试" })
  .max(2100, { error: "报告年度无效，请刷新页面后重试" });

export const publishCountySummaryInput = z.strictObject({
  countyId: z.uuid({ error: "所选县（区）无效，请刷新页面后重试" }),
  year: yearField,
  /** The content the confirmed 样稿 was made of (its X-Content-Sha256 header). */
  expectedContent: z
    .string({ error: "请先预览样稿，核对后再发布" })
    .regex(/^[0-9a-f]{64}$/, { error: "请先预览样稿，核对后再发布" }),
  /** 更正说明: required from the second version on. */
  correctionNote: checkedText(z.string({ error: "请填写更正说明" }))
    .trim()
    .max(MAX_CORRECTION_NOTE_LENGTH, { error: `更正说明不超过 ${MAX_CORRECTION_NOTE_LENGTH} 字` })
    .optional(),
});

/** The operation also takes the clock (tests set it); the action's input never carries it. */
export type PublishCountySummaryInput = z.infer<typeof publishCountySummaryInput> & { now?: Date };

/**
 * The county a summary publication (or its 样稿) is about, once the policy allows the actor
 * to publish it: its own reviewers and administrators. An id that is no organization, or
 * one that is not a county, is not found, like a county out of reach.
 */
export function authorizeSummaryPublication(actor: Actor, countyId: string): Promise<string> {
  return authorizeCounty(actor, "summary.publish", countyId);
}

/**
 * The summary a county's next version would freeze, the latest published version (null:
 * none yet) and the next sequence number, once the policy allows the actor to publish it
 * (authorizeSummaryPublication): the authorize step of publishing and of its 样稿. A county
 * with nothing to sum is not found.
 */
export async function authorizeNextSummaryVersion(actor: Actor, input: { countyId: string; year: number }) {
  const countyId = await authorizeSummaryPublication(actor, input.countyId);
  const summary = await loadCountySummary(countyId, input.year);
  if (!summary) throw notFoundFor(actor);
  const latest = await latestSummaryPublication(db, countyId, input.year);
  return { countyId, summary, latest, sequence: (latest?.sequence ?? 0) + 1 };
}

/** The latest published version of a county's summary of a year, or null. */
export async function latestSummaryPublication(tx: Prisma.TransactionClient, countyId: string, year: number) {
  return tx.countySummaryPublication.findFirst({
    where: { countyId, year },
    orderBy: { sequence: "desc" },
    select: { sequence: true, contentSha256: true },
  });
}

/**
 * Everything that refuses a summary publication before anything is rendered: nothing to sum,
 * the dates, a summary changed since the confirmed 样稿, a later version without its 更正说明.
 * The publication job is queued only once these pass (lib/jobs/publish-summary-job.ts).
 */
export async function checkSummaryPublication(
  actor: Actor,
  countyId: string,
  input: Omit<PublishCountySummaryInput, "countyId">,
) {
  const { summary, latest, sequence } = await authorizeNextSummaryVersion(actor, { countyId, year: input.year });
  const plan = prepareSummaryPublication(summary, {
    now: input.now ?? new Date(),
    sequence,
    correctionNote: null,
    latest,
  });
  const problem = plan.problems[0];
  if (problem) throw new AppError("INVALID_STATE", problem.message, { field: problem.field });
  if (plan.contentSha256 !== input.expectedContent)
    throw new AppError(
      "CONFLICT",
      "预览样稿之后全县汇总有了变化（有单位的报告刚被审核、发布或退回），请重新预览样稿，核对后再发布。",
    );
  plan.marks.correctionNote = correctionNoteFor(sequence, input.correctionNote);
  return { summary, sequence, plan };
}

/**
 * Publishes a county's summary (全县汇总) of a year as its next frozen version: the sums, the
 * units added up and those not yet, HTML and PDF with its SHA-256. Refused before the
 * year's 统计期限 has ended (as a report is), with nothing reviewed to add up, when nothing
 * changed since the last version, or when the summary changed after the 样稿 the publisher
 * confirmed (`expectedContent`). A later version needs a 更正说明. Rendering happens before
 * the transaction, which checks that no one published meanwhile and writes the version and
 * its audit event (summary.publish) together.
 */
export const publishCountySummary = defineOperation({
  name: "publishCountySummary",
  action: "summary.publish",
  authorize: (actor: Actor, input: PublishCountySummaryInput) => authorizeSummaryPublication(actor, input.countyId),
  run: async (countyId, actor, input) => {
    const now = input.now ?? new Date();
    const { summary, sequence, plan } = await checkSummaryPublication(actor, countyId, { ...input, now });
    const rendered = await renderSummaryPublication(plan.document, plan.marks);

    const created = await db
      .$transaction(async (tx) => {
        if (((await latestSummaryPublication(tx, countyId, input.year))?.sequence ?? 0) + 1 !== sequence)
          throw new AppError("CONFLICT", "全县汇总已被他人发布，请刷新页面查看最新版本。");
        const publication = await tx.countySummaryPublication.create({
          data: {
            countyId,
            year: input.year,
            sequence,
            templateId: summary.layout.id,
            templateVersion: summary.layout.version,
            data: toStoredReportData(summary.data),
            includedUnits: plan.document.included,
            excludedUnits: plan.document.excluded,
            contentSha256: plan.contentSha256,
            html: rendered.html,
            pdf: new Uint8Array(rendered.pdf),
            pdfSha256: rendered.pdfSha256,
            correctionNote: plan.marks.correctionNote,
            publishedById: actor?.userId ?? null,
            publishedAt: now,
            publicationDate: toDateColumn(plan.marks.publicationDate),
          },
          select: { id: true, sequence: true },
        });
        await tx.auditEvent.create({
          data: organizationAuditEvent(actor, "summary.publish", countyId, {
            comment: plan.marks.correctionNote,
            detail: {
              year: input.year,
              sequence,
              included: plan.document.included.length,
              excluded: plan.document.excluded.length,
              pdfSha256: rendered.pdfSha256,
            },
          }),
        });
        return publication;
      })
      .catch((error: unknown) => {
        // Two publishers at once: the (county, year, sequence) key lets one through.
        if ((error as { code?: unknown } | null)?.code === "P2002")
          throw new AppError("CONFLICT", "全县汇总已被他人发布，请刷新页面查看最新版本。");
        throw error;
      });
    // Committed: the summary's latest page and the catalogue change.
    publicSiteChanged();
    return { sequence: created.sequence, year: input.year, countyId };
  },
});
