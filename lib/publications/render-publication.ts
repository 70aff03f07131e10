import "server-only";
import { createHash } from "node:crypto";
import type { CalendarDay } from "@/lib/format/calendar-day";
import type { ReportData } from "@/lib/report-data";
import type { Layout } from "@/lib/template";
import { renderReportHtml } from "@/lib/render/html/render-report-html";
import { renderReportDocxInWorker, renderReportPdfInWorker } from "@/lib/render/render-in-worker";
import { toReportView, type ReportView } from "@/lib/render/to-report-view";
import { pdfFontDirectory } from "@/lib/server/env";
import { offThread } from "./render-off-thread";

/**
 * Everything a frozen version is made from, explicitly: the caller decides every date (a
 * publication its day and the reviewer's 成文日期; an import the dates its document states).
 */
export interface PublicationInput {
  layout: Layout;
  data: ReportData;
  organizationName: string;
  year: number;
  sequence: number;
  /** 发布日期 the version shows; null when an imported document does not state one. */
  publicationDate: CalendarDay | null;
  /** 成文日期 the signature prints; null when an imported document bears none. */
  documentDate: CalendarDay | null;
  correctionNote?: string | null;
}

export interface PublicationSnapshot {
  view: ReportView;
  html: string;
  pdf: Buffer;
  pdfSha256: string;
  docx: Buffer;
  docxSha256: string;
  pageCount: number;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function publicationView(input: PublicationInput): ReportView {
  return toReportView(input.layout, input.data, {
    organizationName: input.organizationName,
    year: input.year,
    publishedAt: input.publicationDate,
    documentDate: input.documentDate,
    version: input.sequence,
    correctionNote: input.correctionNote ?? null,
  });
}

/**
 * Freezes a report for publication: one view model, rendered once to HTML, PDF and DOCX,
 * with the SHA-256 of each document. The snapshot is stored and served as-is, so a later
 * change to the template or the renderers never alters what citizens already downloaded.
 * The PDF and the DOCX are rendered in the render pool (lib/render/render-in-worker.ts), off
 * the request thread; call it before the publishing transaction opens, never inside it.
 */
export async function renderPublication(input: PublicationInput): Promise<PublicationSnapshot> {
  const view = publicationView(input);
  const [rendered, docx] = await offThread(() =>
    Promise.all([renderReportPdfInWorker(view, { fontDirectory: pdfFontDirectory() }), renderReportDocxInWorker(view)]),
  );
  const html = await renderReportHtml(view);
  return {
    view,
    html,
    pdf: rendered.pdf,
    pdfSha256: sha256(rendered.pdf),
    docx,
    docxSha256: sha256(docx),
    pageCount: rendered.pageCount,
  };
}

/**
 * The PDF the publication would freeze, marked 样稿 on every page: the same input, the same
 * layout, so what the clerk and the reviewer check is what will be published.
 */
export async function renderPublicationDraft(input: PublicationInput): Promise<{ pdf: Buffer; pageCount: number }> {
  const rendered = await offThread(() =>
    renderReportPdfInWorker(publicationView(input), { fontDirectory: pdfFontDirectory(), isDraft: true }),
  );
  return { pdf: rendered.pdf, pageCount: rendered.pageCount };
}
