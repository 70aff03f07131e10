import "server-only";
import { renderReportCsv } from "@/lib/render/csv";
import { renderReportPdf } from "@/lib/render/pdf/render-report-pdf";
import { toReportView, type ReportView } from "@/lib/render/to-report-view";
import { pdfFontDirectory } from "@/lib/server/env";
import type { CountySummary } from "./load-county-summary";

export const summaryFormats = ["csv", "pdf"] as const;
export type SummaryFormat = (typeof summaryFormats)[number];

/**
 * The summary as the one view model draws it: report data of the year's layout, of which
 * only the tables are printed (a summary has no text of its own, so no empty headings).
 */
export function countySummaryView(summary: CountySummary): ReportView {
  const view = toReportView(summary.layout, summary.data, {
    organizationName: summary.data.meta.organizationName,
    year: summary.year,
  });
  return { ...view, sections: view.sections.filter((section) => section.kind === "table") };
}

/** The summary as a download, through the same renderers as every report (CSV keyed by cell id, PDF). */
export async function renderCountySummary(
  summary: CountySummary,
  format: SummaryFormat,
): Promise<{ body: Uint8Array<ArrayBuffer> | string; contentType: string; fileName: string }> {
  const view = countySummaryView(summary);
  const fileName = `${summary.county.name}${summary.year}年政府信息公开工作年度报告全县汇总.${format}`;
  if (format === "csv") return { body: renderReportCsv(view), contentType: "text/csv; charset=utf-8", fileName };
  const pdf = await renderReportPdf(view, { fontDirectory: pdfFontDirectory() });
  return { body: new Uint8Array(pdf), contentType: "application/pdf", fileName };
}
