import "server-only";
import { createHash } from "node:crypto";
import type { ReportData } from "@/lib/report-data";
import type { Layout } from "@/lib/template";
import { renderReportHtml } from "@/lib/render/html/render-report-html";
import { renderReportPdf } from "@/lib/render/pdf/render-report-pdf";
import { toReportView, type ReportView } from "@/lib/render/to-report-view";

export interface PublicationSnapshot {
  view: ReportView;
  html: string;
  pdf: Buffer;
  pdfSha256: string;
}

/**
 * Freezes a report for publication: one view model, rendered once to HTML and PDF. The
 * snapshot is stored and served as-is, so a later change to the template or the renderers
 * never alters what citizens already downloaded (the SHA-256 lets them check).
 * Rendering happens before the publishing transaction opens: it takes about half a second.
 */
export async function renderPublication(input: {
  layout: Layout;
  data: ReportData;
  organizationName: string;
  year: number;
  sequence: number;
  publishedAt: Date;
  correctionNote?: string | null;
}): Promise<PublicationSnapshot> {
  const view = toReportView(input.layout, input.data, {
    organizationName: input.organizationName,
    year: input.year,
    publishedAt: input.publishedAt,
    version: input.sequence,
    correctionNote: input.correctionNote ?? null,
  });
  const [html, pdf] = [await renderReportHtml(view), await renderReportPdf(view)];
  return { view, html, pdf, pdfSha256: createHash("sha256").update(pdf).digest("hex") };
}
