import Link from "next/link";
import { fromDateColumn } from "@/lib/format/calendar-day";
import { formatDateZh } from "@/lib/format/format-date-zh";
import { listCountySummaryPublications } from "@/lib/publications/list-county-summary-publications";
import { summaryPublicationPath } from "@/lib/publications/load-county-summary-publication";
import { listPublicationFacets, listPublications } from "@/lib/publications/list-publications";
import { MAX_SEARCH_QUERY_LENGTH, normalizeSearchQuery } from "@/lib/publications/normalize-search-query";
import { loadPublicPage } from "@/lib/server/page-guard";
import { TableHead } from "@/components/ui/table-head";
import { NamedOptions, YearOptions } from "@/components/ui/named-options";

// Rendered per request from published data only; no session is read.
export const dynamic = "force-dynamic";

type SearchParams = { q?: string | string[]; year?: string | string[]; county?: string | string[] };

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

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

/** A DATE column as 2024年1月26日, or 未注明 when the document does not state it. */
function calendarDay(value: Date | null): string {
  return value === null ? "未注明" : (formatDateZh(fromDateColumn(value)) ?? "未注明");
}

export default async function PublicHomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const year = single(raw.year);
  const yearNumber = year && /^\d{4}$/.test(year) ? Number(year) : undefined;
  const query = normalizeSearchQuery(single(raw.q));
  const countyId = single(raw.county);
  const [publications, summaries, facets] = await loadPublicPage({
    page: "/",
    action: "catalogue.read",
    authorize: () =>
      Promise.all([
        listPublications(null, { query, year: yearNumber, countyId }),
        listCountySummaryPublications(null, { query, year: yearNumber, countyId }),
        listPublicationFacets(null),
      ]),
  });
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
  return (
    <main id="main" className="page">
      <h1>政府信息公开工作年度报告</h1>
      <p className="lead">查阅各乡镇、街道和县直部门已发布的年度报告，可下载 PDF、网页版和数据。</p>
      <form method="get" action="/" role="search" className="no-print public-search">
        <div className="field">
          <label htmlFor="county">地区</label>
          <select className="input" id="county" name="county" defaultValue={countyId ?? ""}>
            <option value="">全部地区</option>
            <NamedOptions items={facets.counties} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="q">单位名称</label>
          <input className="input" id="q" name="q" defaultValue={query} maxLength={MAX_SEARCH_QUERY_LENGTH} />
        </div>
        <div className="field">
          <label htmlFor="year">年度</label>
          <select className="input" id="year" name="year" defaultValue={yearNumber ?? ""} style={{ maxWidth: "10rem" }}>
            <option value="">全部年度</option>
            <YearOptions years={facets.years} />
          </select>
        </div>
        <button className="button" type="submit">
          查找
        </button>
      </form>
      <h2>已发布的报告</h2>
      {countyId && facets.counties.some((county) => county.id === countyId) && (
        <p>
          <Link href={`/trends/${countyId}`} data-testid="county-trends-link">
            全县历年主要数据（趋势图）
          </Link>
        </p>
      )}
      {rows.length === 0 ? (
        <p>没有找到符合条件的报告。</p>
      ) : (
        <table className="table" data-testid="publications">
          <TableHead columns={["单位", "所属地区", "年度", "成文日期", "发布日期", "历年趋势"]} />
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
                  <Link href={`/trends/${row.organizationId}`}>趋势</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
