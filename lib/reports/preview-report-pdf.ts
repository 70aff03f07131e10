import "server-only";
import { nextPublicationSequence } from "@/lib/publications/insert-publication";
import { renderPublicationDraft } from "@/lib/publications/render-publication";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport } from "./authorize-report";
import { preparePublication } from "./prepare-publication";

export type PreviewReportPdfInput = {
  reportId: string;
  /** The 成文日期 the reviewer is about to publish with; default as publishing would take it. */
  documentDate?: string;
  /** The 更正说明 typed for a correction (printed at the head of the document). */
  correctionNote?: string;
  /** The clock (tests set it). */
  now?: Date;
};

/**
 * The PDF publishing the report now would freeze, marked 样稿 on every page, for whoever may
 * read the report: the clerk before submitting, the reviewer before publishing. It is made
 * by the same preparation and renderer as the publication (only the 样稿 marks differ), from
 * the report as last saved, and says what would stop publication today (统计期限 not over,
 * a 成文日期 that does not fit) without refusing to show the document.
 */
export const previewReportPdf = defineOperation({
  name: "previewReportPdf",
  action: "report.read",
  authorize: (actor: Actor, input: PreviewReportPdfInput) => authorizeReport(actor, "report.read", input.reportId),
  run: async ({ report }, _actor, input) => {
    const sequence = await nextPublicationSequence(db, report.id);
    const { input: publication, problems } = preparePublication(report, {
      now: input.now ?? new Date(),
      sequence,
      documentDate: input.documentDate,
      correctionNote: sequence > 1 ? input.correctionNote?.trim() || null : null,
    });
    const { pdf, pageCount } = await renderPublicationDraft(publication);
    return {
      pdf,
      pageCount,
      problems,
      publicationDate: publication.publicationDate,
      documentDate: publication.documentDate,
      fileName: `样稿-${report.organization.name}${report.year}年政府信息公开工作年度报告.pdf`,
    };
  },
});
