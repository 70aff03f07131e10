import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ReactNode } from "react";
import { fromDateColumn } from "@/lib/format/calendar-day";
import { formatDateZh } from "@/lib/format/format-date-zh";
import { loadStaticRenderer } from "@/lib/render/html/static-markup";
import { authorizeFirst } from "@/lib/server/authorize";
import { declareEntryPoint } from "@/lib/server/entry-point";
import { isDatabaseUnavailable } from "@/lib/server/errors";
import { listCountySummaryPublications } from "./list-county-summary-publications";
import { summaryPublicationPath } from "./load-county-summary-publication";
import { listPublicationFacets, listPublications } from "./list-publications";
import { MAX_SEARCH_QUERY_LENGTH, normalizeSearchQuery } from "./normalize-search-query";
import { etagMatches, publicSiteGeneration, rememberPublicAnswer } from "./public-answers";
import { publicSiteReader } from "./public-site-reads";

// The public home: the catalogue of published reports and its search. It is the same for
// everyone (no session is read) and changes only when something is published or a unit
// changes, so it is a static document (no script, the strict CSP of public documents, the
// site's own stylesheet inline) rendered by a route handler, and its answer for each query
// is kept (public-answers.ts) until publicSiteChanged(): the page a citizen lands on is
// answered like a static file. The search form works by GET, without JavaScript.

/** One line of the catalogue: a published report, or a county's published summary. */
type CatalogueRow = {
  key: string;
  href: string;
  name: string;
  county: string | null;
  year: number;
  organizationId: string;
  documentDate: Date | null;
  /** A summary is not signed, so it has no 成文日期. */
  hasDocumentDate: boolean;
  publicationDate: Date | null;
  sequence: number;
  isSummary: boolean;
};

type Facets = Awaited<ReturnType<typeof listPublicationFacets>>;

/** A DATE column as 2024年1月26日, or 未注明 when the document does not state it. */
function calendarDay(value: Date | null): string {
  return value === null ? "未注明" : (formatDateZh(fromDateColumn(value)) ?? "未注明");
}

// The site's stylesheet (app/globals.css, which the other pages link), read once; the app
// runs from the project folder (scripts/serve-app.mjs).
let siteCss: string | undefined;
function siteStylesheet(): string {
  siteCss ??= readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8").replace(/<\/style/gi, "<\\/style");
  return siteCss;
}

const CATALOGUE_CACHE = "no-cache";

/** The public site's frame as the other public pages have it: head, skip link, header, main. */
function SiteFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content="乡镇、街道和县直部门编制、审核、发布政府信息公开工作年度报告。" />
        <link rel="icon" href="/favicon.svg" />
        <style dangerouslySetInnerHTML={{ __html: siteStylesheet() }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="site-header__brand" href="/">
              年报<small>政府信息公开工作年度报告</small>
            </a>
            <nav className="site-header__nav" aria-label="网站导航">
              <a href="/">查找报告</a>
              <a href="/login">工作人员登录</a>
            </nav>
          </div>
        </header>
        <main id="main" className="page">
          {children}
        </main>
      </body>
    </html>
  );
}

/**
 * What the home answers when the catalogue cannot be read: the app's error page in the site's
 * frame, with no script (the home's CSP allows none), and 重试 as a form that asks for the
 * same search again.
 */
function CatalogueFailure({ message, search }: { message: string; search: URLSearchParams }) {
  return (
    <SiteFrame title="页面暂时无法显示 · 年报">
      <h1>页面暂时无法显示</h1>
      <p className="notice notice--warning" role="alert">
        {message}
      </p>
      <form method="get" action="/">
        {[...search].map(([name, value], index) => (
          <input key={index} type="hidden" name={name} value={value} />
        ))}
        <button className="button" type="submit">
          重试
        </button>
      </form>
    </SiteFrame>
  );
}

function Catalogue({
  rows,
  facets,
  filter,
}: {
  rows: readonly CatalogueRow[];
  facets: Facets;
  filter: { query: string | undefined; year: number | undefined; countyId: string | undefined };
}) {
  const { query, year, countyId } = filter;
  return (
    <SiteFrame title="年报 · 政府信息公开工作年度报告">
      <h1>政府信息公开工作年度报告</h1>
      <p className="lead">查阅各乡镇、街道和县直部门已发布的年度报告，可下载 PDF、网页版和数据。</p>
      <form method="get" action="/" role="search" className="no-print public-search">
        <div className="field">
          <label htmlFor="county">地区</label>
          <select className="input" id="county" name="county" defaultValue={countyId ?? ""}>
            <option value="">全部地区</option>
            {facets.counties.map((county) => (
              <option key={county.id} value={county.id}>
                {county.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q">单位名称</label>
          <input className="input" id="q" name="q" defaultValue={query} maxLength={MAX_SEARCH_QUERY_LENGTH} />
        </div>
        <div className="field">
          <label htmlFor="year">年度</label>
          <select className="input" id="year" name="year" defaultValue={year ?? ""} style={{ maxWidth: "10rem" }}>
            <option value="">全部年度</option>
            {facets.years.map((option) => (
              <option key={option} value={option}>
                {`${option} 年度`}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          查找
        </button>
      </form>
      <h2>已发布的报告</h2>
      {countyId && facets.counties.some((county) => county.id === countyId) && (
        <p>
          <a href={`/trends/${countyId}`} data-testid="county-trends-link">
            全县历年主要数据（趋势图）
          </a>
        </p>
      )}
      {rows.length === 0 ? (
        <p>没有找到符合条件的报告。</p>
      ) : (
        <table className="table" data-testid="publications">
          <thead>
            <tr>
              {["单位", "所属地区", "年度", "成文日期", "发布日期", "历年趋势"].map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-kind={row.isSummary ? "county-summary" : "report"}>
                <th scope="row">
                  <a href={row.href}>{row.name}</a>
                </th>
                <td>{row.county ?? "—"}</td>
                <td>{row.year}</td>
                <td>{row.hasDocumentDate ? calendarDay(row.documentDate) : "—"}</td>
                <td>
                  {calendarDay(row.publicationDate)}
                  {row.sequence > 1 ? `（第 ${row.sequence} 版${row.isSummary ? "" : "，已更正"}）` : ""}
                </td>
                <td>
                  <a href={`/trends/${row.organizationId}`}>趋势</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SiteFrame>
  );
}

/** The one value of a query parameter; none when it is missing or repeated. */
function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

/** Answers GET / (with its search parameters): the catalogue, from published data only. */
export async function serveCatalogue(request: Request): Promise<Response> {
  // Read before the lists are loaded: an answer begun before a publication is not kept.
  const generation = publicSiteGeneration();
  const url = new URL(request.url);
  const year = single(url.searchParams, "year");
  const yearNumber = year && /^\d{4}$/.test(year) ? Number(year) : undefined;
  const query = normalizeSearchQuery(single(url.searchParams, "q"));
  const countyId = single(url.searchParams, "county");
  try {
    const reader = await publicSiteReader();
    const [publications, summaries, facets] = await authorizeFirst(
      "public catalogue",
      "catalogue.read",
      () =>
        Promise.all([
          listPublications(null, { query, year: yearNumber, countyId }, reader),
          listCountySummaryPublications(null, { query, year: yearNumber, countyId }, reader),
          listPublicationFacets(null, reader),
        ]),
      async (loaded) => loaded,
    );
    // A county's published summary (全县汇总) is listed with its reports: first among its year's.
    const rows: CatalogueRow[] = [
      ...summaries.map((summary) => ({
        key: summary.publicationId,
        href: summaryPublicationPath(summary.countyId, summary.year),
        name: `${summary.countyName}（全县汇总）`,
        county: summary.countyName,
        year: summary.year,
        organizationId: summary.countyId,
        documentDate: null,
        hasDocumentDate: false,
        publicationDate: summary.publicationDate,
        sequence: summary.sequence,
        isSummary: true,
      })),
      ...publications.map((publication) => ({
        key: publication.publicationId,
        href: `/reports/${publication.reportId}`,
        name: publication.organization,
        county: publication.county,
        year: publication.year,
        organizationId: publication.organizationId,
        documentDate: publication.documentDate,
        hasDocumentDate: true,
        publicationDate: publication.publicationDate,
        sequence: publication.sequence,
        isSummary: false,
      })),
    ].sort((a, b) => b.year - a.year || Number(b.isSummary) - Number(a.isSummary));
    const renderToStaticMarkup = await loadStaticRenderer();
    const html = `<!DOCTYPE html>${renderToStaticMarkup(
      <Catalogue rows={rows} facets={facets} filter={{ query, year: yearNumber, countyId }} />,
    )}`;
    const etag = `"catalogue-${createHash("sha256").update(html).digest("hex").slice(0, 24)}"`;
    const headers = { "Content-Type": "text/html; charset=utf-8" };
    rememberPublicAnswer(request, url.pathname + url.search, generation, {
      etag,
      cacheControl: CATALOGUE_CACHE,
      headers,
      body: html,
    });
    const validators = { "Cache-Control": CATALOGUE_CACHE, ETag: etag };
    if (etagMatches(request.headers.get("if-none-match"), etag))
      return new Response(null, { status: 304, headers: validators });
    return new Response(html, { headers: { ...headers, ...validators } });
  } catch (error) {
    const unavailable = isDatabaseUnavailable(error);
    console.error("[public catalogue] failed:", error);
    const renderToStaticMarkup = await loadStaticRenderer();
    const message = unavailable ? "服务暂时不可用，请稍后重试。" : "系统出错，请稍后重试。";
    return new Response(
      `<!DOCTYPE html>${renderToStaticMarkup(<CatalogueFailure message={message} search={url.searchParams} />)}`,
      {
        status: unavailable ? 503 : 500,
        headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
      },
    );
  }
}

/** The route handler of the public home (app/(public)/route.ts), declared as reading the catalogue. */
export function catalogueRoute() {
  return declareEntryPoint(serveCatalogue, { kind: "route", name: "catalogue", action: "catalogue.read" });
}
