import type { Metadata } from "next";
import Link from "next/link";
import { getPublicTrends } from "@/lib/publications/get-public-trends";
import { loadPublicPage } from "@/lib/server/page-guard";
import { TrendCharts } from "@/components/trends/trend-charts";

// Rendered per request from published data only; no session is read.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "历年趋势" };

export default async function PublicTrendsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const trend = await loadPublicPage({
    page: "/trends/[id]",
    action: "publication.read",
    authorize: () => getPublicTrends(id),
  });
  const { organization } = trend;
  const name = organization.countyName ? `${organization.countyName} ${organization.name}` : organization.name;
  const latestByOrganization = new Map(trend.reports.map((report) => [report.organizationId, report]));
  return (
    <main id="main" className="page">
      <p className="no-print">
        <Link href="/">← 返回报告列表</Link>
      </p>
      <h1 data-testid="trends-title">{name} 政府信息公开工作历年主要数据</h1>
      <p className="lead">
        {organization.isCounty
          ? "本县所属乡镇、街道和县直部门已发布年度报告中的主要数据，按年度合计（不含县政府本级报告）。"
          : "本单位已发布年度报告中的主要数据。"}
        数据取自各年度报告发布时的版本；已更正的报告取最新发布的版本。
      </p>
      <TrendCharts view={trend.view} showReportCounts={organization.isCounty} />
      <h2>{organization.isCounty ? "计入的报告" : "历年报告"}</h2>
      <ul data-testid="trend-reports">
        {trend.reports.map((report) => (
          <li key={report.reportId}>
            <a href={`/reports/${report.reportId}`}>
              {organization.isCounty ? `${report.organizationName} ` : ""}
              {report.year} 年度报告
            </a>
            {organization.isCounty && latestByOrganization.get(report.organizationId) === report && (
              <>
                {" "}
                · <Link href={`/trends/${report.organizationId}`}>该单位历年趋势</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
