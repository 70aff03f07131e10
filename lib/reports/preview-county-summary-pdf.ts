import "server-only";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { prepareSummaryPublication } from "./prepare-summary-publication";
import { authorizeNextSummaryVersion } from "./publish-county-summary";
import { renderSummaryPublication } from "./render-county-summary";

export type PreviewCountySummaryInput = {
  countyId: string;
  year: number;
  /** The 更正说明 typed for a later version (printed at the head of the document). */
  correctionNote?: string;
  /** The clock (tests set it). */
  now?: Date;
};

/**
 * The PDF publishing the county's summary now would freeze, marked 样稿 on every page, for
 * those who may publish it: the same preparation and renderer as the publication, with the
 * content hash publishing checks against and what would stop publication today (统计期限
 * not over, nothing to add up, nothing changed) without refusing to show the document.
 */
export const previewCountySummaryPdf = defineOperation({
  name: "previewCountySummaryPdf",
  action: "summary.publish",
  authorize: (actor: Actor, input: PreviewCountySummaryInput) => authorizeNextSummaryVersion(actor, input),
  run: async ({ summary, latest, sequence }, _actor, input) => {
    const plan = prepareSummaryPublication(summary, {
      now: input.now ?? new Date(),
      sequence,
      correctionNote: sequence > 1 ? input.correctionNote?.trim() || null : null,
      latest,
    });
    const { pdf, pageCount } = await renderSummaryPublication(plan.document, plan.marks, { isDraft: true });
    return {
      pdf,
      pageCount,
      sequence,
      problems: plan.problems,
      contentSha256: plan.contentSha256,
      fileName: `样稿-${summary.county.name}${summary.year}年政府信息公开工作年度报告全县汇总.pdf`,
    };
  },
});
