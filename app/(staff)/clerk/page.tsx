import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/ui/status-tag";
import { formatDateTime } from "@/lib/format/date-time";
import { carryOverSources } from "@/lib/report-form/carry-over";
import { getReportingCalendar } from "@/lib/organizations/get-reporting-calendar";
import { formatCalendarDate } from "@/lib/organizations/reporting-calendar";
import { listOrganizationReports } from "@/lib/reports/list-organization-reports";
import { reportingYear, yearsToFillIn } from "@/lib/reports/reporting-year";
import { loadStaffPage } from "@/lib/server/page-guard";
import { layoutForYear } from "@/lib/template";
import type { ReportStatus } from "@/lib/workflow/transitions";
import { StartEarlierReportForm } from "./start-earlier-report-form";
import { SeasonBanner } from "./season-banner";
import { StartReportButton } from "./start-report-button";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "我的报告" };

export default async function ClerkHomePage() {
  const { reports, user, year, earlierYears, calendar } = await loadStaffPage({
    page: "/clerk",
    action: "organization.read",
    authorize: async ({ user, actor }) => {
      const today = new Date();
      const reports = await listOrganizationReports(actor, user.organizationId);
      const year = reportingYear(today);
      return {
        reports,
        year,
        // The county's calendar for the year (its defaults when it set none), and whether the unit is retired.
        calendar: await getReportingCalendar(actor, user.organizationId, year),
        earlierYears: yearsToFillIn(
          today,
          reports.map((report) => report.year),
        ),
      };
    },
  });
  const current = reports.find((report) => report.year === year);
  const layout = layoutForYear(year);
  const carried = layout ? carryOverSources(layout).map((source) => `“${source.lastYear}”`) : [];
  return (
    <main id="main" className="page">
      <h1>{user.organizationName} · 政府信息公开工作年度报告</h1>
      <SeasonBanner organizationId={user.organizationId} year={year} />
      <section aria-labelledby="current-year">
        <h2 id="current-year">{year} 年度报告</h2>
        {current ? (
          <p>
            <StatusTag status={current.status as ReportStatus} /> 最后保存于 {formatDateTime(current.updatedAt)}。
            {calendar && current.status !== "PUBLISHED" && (
              <span data-testid="deadline">报告须于 {formatCalendarDate(calendar.deadline)}前公布。</span>
            )}{" "}
            <Link className="button" href={`/clerk/reports/${current.id}`}>
              {current.status === "DRAFT" || current.status === "RETURNED" ? "继续填写" : "查看报告"}
            </Link>
          </p>
        ) : (
          <>
            <p data-testid="deadline">
              本年度报告尚未开始。
              {calendar
                ? `报告须于 ${formatCalendarDate(calendar.deadline)}前公布（${calendar.countyName}自 ${formatCalendarDate(calendar.opensOn)}起开始填写）。`
                : `报告须于 ${year + 1} 年 1 月 31 日前公布。`}
            </p>
            {reports.some((report) => report.year === year - 1) && (
              <p className="muted">
                开始后，可在填写页面从 {year - 1} 年度报告{carried.length > 0 ? `带入${carried.join("")}，并` : ""}
                参考上年各部分文字。
              </p>
            )}
            {calendar?.isRetired ? (
              <p className="notice notice--warning">本单位已停用，不再参加新的年度报告；已公开的报告仍在网站上。</p>
            ) : (
              <StartReportButton year={year} />
            )}
          </>
        )}
      </section>
      <section aria-labelledby="history">
        <h2 id="history">历年报告</h2>
        <p>
          往年报告已在别处公布？<Link href="/clerk/import">导入往年报告</Link>，作为本年度填写和核对的依据。
        </p>
        {earlierYears.length > 0 && <StartEarlierReportForm years={earlierYears} />}
        {reports.length === 0 ? (
          <p className="muted">暂无报告。</p>
        ) : (
          <table className="table">
            <TableHead columns={["年度", "状态", "最后修改", "操作"]} />
            <tbody>
              {reports.map((report) => (
                <tr key={report.id}>
                  <th scope="row">{report.year} 年</th>
                  <td>
                    <StatusTag status={report.status as ReportStatus} />
                  </td>
                  <td>{formatDateTime(report.updatedAt)}</td>
                  <td>
                    <Link href={`/clerk/reports/${report.id}`}>打开</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
