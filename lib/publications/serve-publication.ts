import "server-only";
import { parseReportData } from "@/lib/report-data";
import { getLayout } from "@/lib/template";
import { renderReportCsv } from "@/lib/render/csv";
import { renderReportJson } from "@/lib/render/json";
import { toReportView } from "@/lib/render/to-report-view";
import { authorizeFirst } from "@/lib/server/authorize";
import { declareEntryPoint } from "@/lib/server/entry-point";
import { AppError, isAppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { fromDateColumn } from "@/lib/format/calendar-day";
import {
  findPublicPublication,
  listPublicVersions,
  loadPublicPublication,
  parseSequence,
} from "./load-public-publication";
import { etagMatches, publicSiteGeneration, rememberPublicAnswer } from "./public-answers";
import { publicSiteReader, type PublicSiteReader } from "./public-site-reads";
import { renderPublicReportPage } from "./render-public-report-page";

export const publicFormats = ["page", "pdf", "docx", "html", "json", "csv"] as const;
export type PublicFormat = (typeof publicFormats)[number];

/** The formats a document URL names after the report (and version): /pdf, /docx, /json, /csv. */
const documentFormats = new Set<string>(["pdf", "docx", "html", "json", "csv"]);

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Versioned URLs never change; the latest-version URL changes when a correction is published. */
const IMMUTABLE = "public, max-age=31536000, immutable";
const LATEST = "public, max-age=60, must-revalidate";

/** RFC 6266 / RFC 5987: an ASCII fallback plus the UTF-8 name for browsers that read it. */
export function contentDisposition(kind: "attachment" | "inline", fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Rendered answers by publication, format and URL kind. Publications are immutable, and a
 * latest-URL page lists only versions up to its own (the newest); a unit's new name is a new
 * generation of the public site (public-answers.ts), which is part of the key. The bound
 * keeps memory small (a PDF is ~100–200 KB).
 */
export type CachedBody = { body: string | Uint8Array; headers: Record<string, string> };

/** The file names of a frozen version's downloads: `<fileBase>.<ext>`, ASCII `<asciiBase>.<ext>`. */
export type DownloadNames = { fileBase: string; asciiBase: string };

/**
 * One format of a frozen version as a download (`inline` for JSON, which browsers show):
 * its type, its file name in both forms, and its length when it is bytes.
 */
export function downloadBody(
  names: DownloadNames,
  extension: string,
  contentType: string,
  body: string | Uint8Array,
  kind: "attachment" | "inline" = "attachment",
): CachedBody {
  return {
    body,
    headers: {
      "Content-Type": contentType,
      ...(typeof body === "string" ? {} : { "Content-Length": String(body.length) }),
      "Content-Disposition": contentDisposition(
        kind,
        `${names.fileBase}.${extension}`,
        `${names.asciiBase}.${extension}`,
      ),
    },
  };
}
const responseCache = new Map<string, CachedBody>();
const CACHE_ENTRIES = 200;

function remember(key: string, entry: CachedBody): CachedBody {
  responseCache.delete(key);
  responseCache.set(key, entry);
  if (responseCache.size > CACHE_ENTRIES) responseCache.delete(responseCache.keys().next().value!);
  return entry;
}

const notFoundPage = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>找不到该报告</title></head><body><main><h1>找不到该报告</h1><p>该报告不存在或尚未发布。<a href="/">查找已发布的报告</a></p></main></body></html>`;

/**
 * Answers a public request for a published report in one of its formats, from the frozen
 * snapshot only. No session is read: the answer is the same for everyone, so it is cached.
 */
export async function servePublication(
  request: Request,
  params: { reportId: string; sequence?: string },
  format: PublicFormat,
): Promise<Response> {
  const isVersionedUrl = params.sequence !== undefined;
  return serveFrozenDocument(request, {
    format,
    isVersionedUrl,
    canonicalPath: publicDocumentPath(`/reports/${params.reportId}`, params.sequence, format),
    find: (reader) =>
      findPublicPublication(
        { reportId: params.reportId, sequence: isVersionedUrl ? parseSequence(params.sequence!) : null },
        reader,
      ),
    render: (found, reader) => renderFormat(found.id, format, isVersionedUrl, reader),
  });
}

/** The URL of one format of a frozen document under its latest-version URL `basePath`. */
export function publicDocumentPath(basePath: string, sequence: string | undefined, format: PublicFormat): string {
  return `${basePath}${sequence === undefined ? "" : `/v/${sequence}`}${format === "page" ? "" : `/${format}`}`;
}

/** Which frozen version a public URL names, with what its ETag is made of. */
export type FrozenDocumentRef = { id: string; sequence: number; pdfSha256: string; docxSha256: string | null };

/**
 * The answer to a public URL of any frozen document (a report's publication, a county's
 * summary): `find` names the version and asks the policy (publication.read), then ETag/304,
 * the rendered answer from the small cache or `render`; a refusal is the plain 404 page.
 * A 200 is kept for `canonicalPath` (the URL it answers), so that the next request for it is
 * answered before Next.js (public-answers.ts).
 */
export async function serveFrozenDocument(
  request: Request,
  document: {
    format: PublicFormat;
    isVersionedUrl: boolean;
    canonicalPath: string;
    /** Reads through `reader`: the replica or the primary (public-site-reads.ts). */
    find: (reader: PublicSiteReader) => Promise<FrozenDocumentRef>;
    render: (found: FrozenDocumentRef, reader: PublicSiteReader) => Promise<CachedBody>;
  },
): Promise<Response> {
  const { format, isVersionedUrl } = document;
  // Read before the version is looked up: an answer begun before a publication is not kept.
  const generation = publicSiteGeneration();
  try {
    const reader = await publicSiteReader();
    return await authorizeFirst(
      `public ${format}`,
      "publication.read",
      () => document.find(reader),
      async (found) => {
        if (format === "docx" && found.docxSha256 === null) throw new AppError("NOT_FOUND");
        const etag =
          format === "pdf"
            ? `"${found.pdfSha256}"`
            : format === "docx"
              ? `"${found.docxSha256}"`
              : `"${format}-${found.sequence}-${found.pdfSha256.slice(0, 16)}"`;
        const cacheHeaders = { "Cache-Control": isVersionedUrl ? IMMUTABLE : LATEST, ETag: etag };
        if (etagMatches(request.headers.get("if-none-match"), etag))
          return new Response(null, { status: 304, headers: cacheHeaders });

        const cacheKey = `${generation}:${found.id}:${format}:${isVersionedUrl ? "v" : "latest"}`;
        const cached = responseCache.get(cacheKey) ?? remember(cacheKey, await document.render(found, reader));
        rememberPublicAnswer(request, document.canonicalPath, generation, {
          etag,
          cacheControl: cacheHeaders["Cache-Control"],
          headers: cached.headers,
          body: cached.body,
        });
        return new Response(typeof cached.body === "string" ? cached.body : new Uint8Array(cached.body), {
          headers: { ...cacheHeaders, ...cached.headers },
        });
      },
    );
  } catch (error) {
    if (
      isAppError(error) &&
      (error.code === "NOT_FOUND" || error.code === "FORBIDDEN" || error.code === "UNAUTHENTICATED")
    ) {
      return new Response(notFoundPage, {
        status: 404,
        headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
      });
    }
    const unavailable = isDatabaseUnavailable(error);
    console.error(`[public ${format}] failed:`, error);
    return new Response(unavailable ? "服务暂时不可用，请稍后重试。" : "系统出错，请稍后重试。", {
      status: unavailable ? 503 : 500,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

/**
 * Where a public URL under /reports/<id> points: [] the latest page, [format] the latest
 * version in that format, ["v", n] version n's page, ["v", n, format] version n in that
 * format; null for anything else.
 */
export function parsePublicPath(
  path: readonly string[],
): { sequence: string | undefined; format: PublicFormat } | null {
  const [first, second, third, ...rest] = path;
  if (rest.length > 0) return null;
  if (first === undefined) return { sequence: undefined, format: "page" };
  if (first !== "v")
    return second === undefined && documentFormats.has(first)
      ? { sequence: undefined, format: first as PublicFormat }
      : null;
  if (second === undefined) return null;
  if (third === undefined) return { sequence: second, format: "page" };
  return documentFormats.has(third) ? { sequence: second, format: third as PublicFormat } : null;
}

/**
 * The one route handler of every public URL of a report (app/(public)/reports/[reportId]/
 * [[...path]]/route.ts), declared as reading a publication for the sweep test.
 */
export function publicationRoute() {
  return declareEntryPoint(
    async (request: Request, context: { params: Promise<{ reportId: string; path?: string[] }> }) => {
      const { reportId, path = [] } = await context.params;
      const target = parsePublicPath(path);
      // Unknown paths answer exactly as unknown reports do.
      if (!target) return servePublication(request, { reportId: "", sequence: undefined }, "page");
      return servePublication(request, { reportId, sequence: target.sequence }, target.format);
    },
    { kind: "route", name: "publication", action: "publication.read" },
  );
}

/** Renders one format of one publication from its stored snapshot. */
async function renderFormat(
  publicationId: string,
  format: PublicFormat,
  isVersionedUrl: boolean,
  reader: PublicSiteReader,
): Promise<CachedBody> {
  const publication = await loadPublicPublication(publicationId, reader);
  const organizationName = publication.report.organization.name;
  const title = `${organizationName}${publication.report.year}年政府信息公开工作年度报告`;
  const names = {
    fileBase: `${title}${publication.sequence > 1 ? `（第${publication.sequence}版）` : ""}`,
    asciiBase: `report-${publication.report.year}-v${publication.sequence}`,
  };

  if (format === "pdf") return downloadBody(names, "pdf", "application/pdf", new Uint8Array(publication.pdf));
  if (format === "docx") {
    if (!publication.docx) throw new AppError("NOT_FOUND");
    return downloadBody(names, "docx", DOCX_TYPE, new Uint8Array(publication.docx));
  }
  // The frozen standalone document (no script, its own CSP), to keep or forward.
  if (format === "html") return downloadBody(names, "html", "text/html; charset=utf-8", publication.html);
  if (format === "page") {
    const versions = isVersionedUrl
      ? null
      : (await listPublicVersions(publication.reportId, reader)).filter(
          (version) => version.sequence <= publication.sequence,
        );
    const html = await renderPublicReportPage({
      basePath: `/reports/${publication.reportId}`,
      organizationId: publication.report.organization.id,
      title,
      snapshotHtml: publication.html,
      sequence: publication.sequence,
      publicationDate: publication.publicationDate,
      documentDate: publication.documentDate,
      pdfSha256: publication.pdfSha256,
      pdfBytes: publication.pdf.length,
      docx: publication.docx ? { sha256: publication.docxSha256!, bytes: publication.docx.length } : null,
      versions,
      isVersionedUrl,
    });
    return { body: html, headers: { "Content-Type": "text/html; charset=utf-8" } };
  }

  const layout = getLayout(publication.templateId);
  if (!layout) throw new Error(`publication ${publication.id}: unknown layout ${publication.templateId}`);
  const reading = parseReportData(layout, publication.data);
  if (!reading.ok) throw new Error(`publication ${publication.id}: ${reading.error.message}`);
  const { data } = reading;
  const view = toReportView(layout, data, {
    organizationName: data.meta.organizationName || organizationName,
    year: publication.report.year,
    publishedAt: publication.publicationDate ? fromDateColumn(publication.publicationDate) : null,
    documentDate: publication.documentDate ? fromDateColumn(publication.documentDate) : null,
    version: publication.sequence,
    correctionNote: publication.correctionNote,
  });
  if (format === "json")
    return downloadBody(names, "json", "application/json; charset=utf-8", renderReportJson(view), "inline");
  return downloadBody(names, "csv", "text/csv; charset=utf-8", renderReportCsv(view));
}
