import type { Metadata } from "next";
import Link from "next/link";
import { statusLabels } from "@/lib/workflow/transitions";
import { getReviewTrends } from "@/lib/reports/get-review-trends";
import { loadStaffPage } from "@/lib/server/page-guard";
import { TrendCharts } from "@/components/trends/trend-charts";

export const metadata: Metadata = { title: "历年趋势" };

export default async function ReviewTrendsPage({ params }: { params: Promise<{ id: string }> }) {
  const { trend } = await loadStaffPage({
    page: "/review/trends/[id]",
    params,
    action: "review.queue",
    authorize: async ({ actor, params: { id } }) => ({ trend: await getReviewTrends(actor, id) }),
  });
  const { organization } = trend;
  const name = organization.countyName ? `${organization.countyName} ${organization.name}` : organization.name;
  const units = [...new Map(trend.reports.map((report) => [report.organizationId, report.organizationName]))];
  return (
    <main id="main" className="page">
      <p>
        <Link href="/review">← 返回审核工作台</Link>
      </p>
      <h1 data-testid="trends-title">{name} 历年主要数据</h1>
      <p className="lead">
        计入{statusLabels.APPROVED}和{statusLabels.PUBLISHED}的报告（发布后退回更正的，取最新发布的版本）；草稿、
        {statusLabels.SUBMITTED}和{statusLabels.RETURNED}的报告尚未审核，不计入。
        {organization.isCounty && "县的数据为所属各单位报告的合计，不含县政府本级报告。"}
      </p>
      <TrendCharts view={trend.view} showReportCounts={organization.isCounty} />
      {organization.isCounty && units.length > 0 && (
        <>
          <h2>各单位历年趋势</h2>
          <ul>
            {units.map(([unitId, unitName]) => (
              <li key={unitId}>
                <Link href={`/review/trends/${unitId}`}>{unitName}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
