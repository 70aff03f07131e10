import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import "@/components/review/review.css";
import "@/lib/render/html/report-document.css";
import { SummarySources } from "@/components/county-summary/summary-sources";
import { ReportDocument } from "@/lib/render/html/report-document";
import { countyReportModeLabels } from "@/lib/report-data";
import { getCountySummary } from "@/lib/reports/get-county-summary";
import { countySummaryView } from "@/lib/reports/render-county-summary";
import { reportingYear } from "@/lib/reports/reporting-year";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import { loadStaffPage } from "@/lib/server/page-guard";
import { can, staffPages } from "@/lib/workflow/policy";
import { ReportModeForm } from "./report-mode-form";

export const metadata: Metadata = { title: "全县汇总" };

export default async function CountySummaryPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const params = await searchParams;
  const current = reportingYear(new Date());
  const asked = Number(params.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= current + 1 ? asked : current;
  const { summary, canSetMode, canOpenReports } = await loadStaffPage({
    page: "/review/summary",
    path: `/review/summary?year=${year}`,
    action: "summary.read",
    authorize: async ({ actor, user }) => {
      if (!user.organizationId) notFound();
      const summary = await getCountySummary(actor, user.organizationId, year);
      const scope = await loadOrganizationScope(summary.county.id);
      return {
        summary,
        canSetMode: can(actor, "county.setReportMode", scope),
        canOpenReports: (staffPages["/review/reports/[id]"] as readonly string[]).includes(user.role),
      };
    },
  });
  const { county, included, excluded, inconsistentUnits, findings } = summary;
  const download = (format: string) => `/api/county-summary/${county.id}/${year}/${format}`;
  const unitName = (name: string, reportId: string | null) =>
    canOpenReports && reportId ? <Link href={`/review/reports/${reportId}`}>{name}</Link> : name;
  const years = Array.from({ length: 6 }, (_, index) => current - index);
  return (
    <main id="main" className="page page--wide">
      <p>
        <Link href={`/review?year=${year}`}>← 返回审核工作台</Link>
      </p>
      <h1>
        {county.name} {year} 年度全县汇总
      </h1>
      <p className="lead">
        各乡镇（街道）和县直部门已审核、已发布报告的表二、表三、表四逐项相加；合计按模板的计算关系重新计算，并用同一套规则校验。
      </p>
      <form method="get" className="field" aria-label="选择年度">
        <label htmlFor="summary-year">报告年度</label>
        <select id="summary-year" name="year" className="input" defaultValue={year}>
          {years.map((option) => (
            <option key={option} value={option}>
              {option} 年度
            </option>
          ))}
        </select>{" "}
        <button className="button button--secondary" type="submit">
          查看
        </button>
      </form>
      <p data-testid="summary-counts">
        应报 {included.length + excluded.length} · 已汇总 {included.length} · 未汇总 {excluded.length}
      </p>
      <p>
        <a href={download("csv")} data-testid="summary-csv">
          下载 CSV
        </a>{" "}
        ·{" "}
        <a href={download("pdf")} data-testid="summary-pdf">
          下载 PDF
        </a>
      </p>

      {inconsistentUnits.length > 0 && (
        <section className="notice notice--warning" data-testid="summary-inconsistent">
          <h2 className="notice__title">以下单位的报告表格数字有误，汇总数因此可能不平衡</h2>
          <ul>
            {inconsistentUnits.map((unit) => (
              <li key={unit.unitId}>
                {unitName(unit.unitName, unit.reportId)}：{unit.findings.map((finding) => finding.message).join("；")}
              </li>
            ))}
          </ul>
        </section>
      )}
      {findings.length > 0 && (
        <section className="notice" data-testid="summary-findings">
          <h2 className="notice__title">汇总表的校验结果</h2>
          <ul>
            {findings.map((finding, index) => (
              <li key={index}>
                {finding.severity === "error" ? "错误" : "提示"}：{finding.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2>未纳入汇总的单位（{excluded.length}）</h2>
      {excluded.length === 0 ? (
        <p>所有单位的报告均已审核。</p>
      ) : (
        <table className="table" data-testid="summary-excluded">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">原因</th>
            </tr>
          </thead>
          <tbody>
            {excluded.map((unit) => (
              <tr key={unit.unitId}>
                <th scope="row">{unitName(unit.unitName, unit.reportId)}</th>
                <td>{unit.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>已纳入汇总的单位（{included.length}）</h2>
      <ul data-testid="summary-included">
        {included.map((unit) => (
          <li key={unit.unitId}>{unitName(unit.unitName, unit.reportId)}</li>
        ))}
      </ul>

      <h2>各项数字的来源</h2>
      <SummarySources layoutId={summary.layout.id} data={summary.data} contributions={summary.contributions} />

      <h2>县政府本级报告的填报方式</h2>
      <p data-testid="summary-mode">当前：{countyReportModeLabels[county.reportMode]}</p>
      {canSetMode && <ReportModeForm countyId={county.id} mode={county.reportMode} />}

      <h2>汇总表</h2>
      <ReportDocument view={countySummaryView(summary)} idPrefix="summary" />
    </main>
  );
}
