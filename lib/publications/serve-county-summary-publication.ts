import "server-only";
import { fromDateColumn } from "@/lib/format/calendar-day";
import { parseReportData } from "@/lib/report-data";
import { renderReportCsv } from "@/lib/render/csv";
import { renderReportJson } from "@/lib/render/json";
import { parseFrozenSummaryUnits } from "@/lib/reports/frozen-summary-units";
import { countySummaryView, type SummaryDocument } from "@/lib/reports/render-county-summary";
import { getLayout } from "@/lib/template";
import { declareEntryPoint } from "@/lib/server/entry-point";
import {
  listSummaryVersions,
  loadPublicSummaryPublication,
  parseSummaryYear,
  summaryPublicationPath,
  findPublicSummaryPublication,
} from "./load-county-summary-publication";
import { parseSequence } from "./load-public-publication";
import type { PublicSiteReader } from "./public-site-reads";
import { renderPublicReportPage } from "./render-public-report-page";
import {
  downloadBody,
  parsePublicPath,
  publicDocumentPath,
  serveFrozenDocument,
  type CachedBody,
  type PublicFormat,
} from "./serve-publication";

/** Renders one format of one summary version from its stored snapshot. */
async function renderSummaryFormat(
  publicationId: string,
  format: PublicFormat,
  isVersionedUrl: boolean,
  reader: PublicSiteReader,
): Promise<CachedBody> {
  const publication = await loadPublicSummaryPublication(publicationId, reader);
  const basePath = summaryPublicationPath(publication.countyId, publication.year);
  const names = {
    fileBase: `${publication.county.name}${publication.year}年政府信息公开工作年度报告全县汇总${
      publication.sequence > 1 ? `（第${publication.sequence}版）` : ""
    }`,
    asciiBase: `county-summary-${publication.year}-v${publication.sequence}`,
  };

  if (format === "pdf") return downloadBody(names, "pdf", "application/pdf", new Uint8Array(publication.pdf));
  if (format === "html") return downloadBody(names, "html", "text/html; charset=utf-8", publication.html);

  const layout = getLayout(publication.templateId);
  if (!layout) throw new Error(`summary publication ${publication.id}: unknown layout ${publication.templateId}`);
  const reading = parseReportData(layout, publication.data);
  if (!reading.ok) throw new Error(`summary publication ${publication.id}: ${reading.error.message}`);
  const units = parseFrozenSummaryUnits(publication);
  if (!units.ok) throw new Error(`summary publication ${publication.id}: ${units.error}`);
  const document: SummaryDocument = {
    layout,
    year: publication.year,
    data: reading.data,
    included: units.included,
    excluded: units.excluded,
  };
  const view = countySummaryView(document, {
    publicationDate: fromDateColumn(publication.publicationDate),
    sequence: publication.sequence,
    correctionNote: publication.correctionNote,
  });

  if (format === "page") {
    const versions = isVersionedUrl
      ? null
      : (await listSummaryVersions(publication.countyId, publication.year, reader)).filter(
          (version) => version.sequence <= publication.sequence,
        );
    const html = await renderPublicReportPage({
      basePath,
      organizationId: publication.countyId,
      trendsLabel: "全县历年主要数据（趋势图）",
      title: view.title,
      snapshotHtml: publication.html,
      sequence: publication.sequence,
      publicationDate: publication.publicationDate,
      pdfSha256: publication.pdfSha256,
      pdfBytes: publication.pdf.length,
      docx: null,
      versions,
      isVersionedUrl,
    });
    return { body: html, headers: { "Content-Type": "text/html; charset=utf-8" } };
  }
  if (format === "json")
    return downloadBody(names, "json", "application/json; charset=utf-8", renderReportJson(view), "inline");
  return downloadBody(names, "csv", "text/csv; charset=utf-8", renderReportCsv(view));
}

/**
 * The one route handler of every public URL of a county's summary
 * (app/(public)/reports/county-summary/[countyId]/[year]/[[...path]]/route.ts): the same
 * paths as a report's under /reports/county-summary/<county>/<year> (the latest page, /pdf,
 * /html, /json, /csv, /v/<n>/…), through the same serving, cache and 404 as a report's.
 */
export function countySummaryPublicationRoute() {
  return declareEntryPoint(
    async (
      request: Request,
      context: { params: Promise<{ countyId: string; year: string; path?: string[] }> },
    ): Promise<Response> => {
      const { countyId, year, path = [] } = await context.params;
      const target = parsePublicPath(path);
      const isVersionedUrl = target?.sequence !== undefined;
      const format = target?.format ?? "page";
      return serveFrozenDocument(request, {
        format,
        isVersionedUrl,
        canonicalPath: publicDocumentPath(`/reports/county-summary/${countyId}/${year}`, target?.sequence, format),
        // Unknown paths answer exactly as unknown summaries do.
        find: (reader) =>
          findPublicSummaryPublication(
            {
              countyId: target ? countyId : "",
              year: parseSummaryYear(year),
              sequence: isVersionedUrl ? parseSequence(target!.sequence!) : null,
            },
            reader,
          ),
        render: (found, reader) => renderSummaryFormat(found.id, format, isVersionedUrl, reader),
      });
    },
    { kind: "route", name: "countySummaryPublication", action: "publication.read" },
  );
}
