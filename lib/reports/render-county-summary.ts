import "server-only";
import { createHash } from "node:crypto";
import type { CalendarDay } from "@/lib/format/calendar-day";
import type { ReportData } from "@/lib/report-data";
import type { Layout } from "@/lib/template";
import { renderReportCsv } from "@/lib/render/csv";
import { renderReportHtml } from "@/lib/render/html/render-report-html";
import { offThread } from "@/lib/publications/render-off-thread";
import { renderReportPdfInWorker } from "@/lib/render/render-in-worker";
import { toReportView, type ReportView } from "@/lib/render/to-report-view";
import { pdfFontDirectory } from "@/lib/server/env";
import type { CountySummary } from "./load-county-summary";

export const summaryFormats = ["csv", "pdf"] as const;
export type SummaryFormat = (typeof summaryFormats)[number];

/**
 * What a summary's document is drawn from: the live summary (the staff page and its
 * downloads) and a frozen publication (its stored data and unit lists) give the same.
 */
export type SummaryDocument = {
  layout: Layout;
  year: number;
  /** The summed tables; `meta.organizationName` is the title's name (阳城县（全县汇总）). */
  data: ReportData;
  included: readonly { unitName: string }[];
  excluded: readonly { unitName: string; reason: string }[];
};

/** A published version's dates and 更正说明, printed on the document. */
export type SummaryPublicationMarks = {
  publicationDate: CalendarDay;
  sequence: number;
  correctionNote: string | null;
};

/**
 * What the summary adds up, as the document's opening: how many reviewed reports, which
 * units, and which are not yet in it with why. Printed in every format, so a reader of the
 * PDF alone knows how complete the sums are.
 */
export function summaryCoverageParagraphs(summary: Pick<SummaryDocument, "included" | "excluded">): string[] {
  const paragraphs = [
    `本汇总表为已审核、已发布的 ${summary.included.length} 份单位年度报告中表二、表三、表四的逐项之和，合计按模板的计算关系重新计算。`,
  ];
  if (summary.included.length > 0)
    paragraphs.push(`已纳入汇总的单位：${summary.included.map((unit) => unit.unitName).join("、")}。`);
  paragraphs.push(
    summary.excluded.length === 0
      ? "应报单位均已纳入汇总。"
      : `尚未纳入汇总的单位（${summary.excluded.length} 个）：${summary.excluded
          .map((unit) => `${unit.unitName}（${unit.reason}）`)
          .join("、")}。`,
  );
  return paragraphs;
}

/**
 * The summary as the one view model draws it: report data of the year's layout, of which
 * only the tables are printed (a summary has no text of its own, so no empty headings),
 * opened by what it covers; a published version also carries its 发布日期, version and
 * 更正说明. No 成文日期 and so no signature: the summary is a compilation, not a document
 * an office signs.
 */
export function countySummaryView(summary: SummaryDocument, marks?: SummaryPublicationMarks): ReportView {
  const view = toReportView(summary.layout, summary.data, {
    organizationName: summary.data.meta.organizationName,
    year: summary.year,
    publishedAt: marks?.publicationDate ?? null,
    version: marks?.sequence ?? null,
    correctionNote: marks?.correctionNote ?? null,
  });
  return {
    ...view,
    preamble: { ...view.preamble, paragraphs: summaryCoverageParagraphs(summary) },
    sections: view.sections.filter((section) => section.kind === "table"),
  };
}

/** The summary as a download, through the same renderers as every report (CSV keyed by cell id, PDF in the render pool). */
export async function renderCountySummary(
  summary: CountySummary,
  format: SummaryFormat,
): Promise<{ body: Uint8Array<ArrayBuffer> | string; contentType: string; fileName: string }> {
  const view = countySummaryView(summary);
  const fileName = `${summary.county.name}${summary.year}年政府信息公开工作年度报告全县汇总.${format}`;
  if (format === "csv") return { body: renderReportCsv(view), contentType: "text/csv; charset=utf-8", fileName };
  const { pdf } = await offThread(() => renderReportPdfInWorker(view, { fontDirectory: pdfFontDirectory() }));
  return { body: new Uint8Array(pdf), contentType: "application/pdf", fileName };
}

export type RenderedSummaryPublication = { html: string; pdf: Buffer; pdfSha256: string; pageCount: number };

/**
 * A summary's version as publishing freezes it (HTML and PDF from one view), or, with
 * `isDraft`, the PDF only, marked 样稿 on every page: the same input and layout, so the
 * preview is what will be published. The PDF is rendered in the render pool
 * (lib/render/render-in-worker.ts): keep it out of transactions.
 */
export async function renderSummaryPublication(
  summary: SummaryDocument,
  marks: SummaryPublicationMarks,
  options: { isDraft?: boolean } = {},
): Promise<RenderedSummaryPublication> {
  const view = countySummaryView(summary, marks);
  const rendered = await offThread(() =>
    renderReportPdfInWorker(view, { fontDirectory: pdfFontDirectory(), isDraft: options.isDraft ?? false }),
  );
  return {
    html: options.isDraft ? "" : await renderReportHtml(view),
    pdf: rendered.pdf,
    pdfSha256: createHash("sha256").update(rendered.pdf).digest("hex"),
    pageCount: rendered.pageCount,
  };
}
