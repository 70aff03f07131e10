import { TableHead } from "@/components/ui/table-head";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import "@/components/review/review.css";
import "@/lib/render/html/report-document.css";
import { SummaryPublicationPanel } from "@/components/county-summary/summary-publication-panel";
import { SummarySources } from "@/components/county-summary/summary-sources";
import { SeasonFilterSelects } from "@/components/season/season-filter-selects";
import { FilterForm } from "@/components/ui/filter-select";
import { fromDateColumn } from "@/lib/format/calendar-day";
import { formatDateZh } from "@/lib/format/format-date-zh";
import { summaryPublicationPath } from "@/lib/publications/load-county-summary-publication";
import { ReportDocument } from "@/lib/render/html/report-document";
import { countyReportModeLabels } from "@/lib/report-data";
import { chooseSeasonCounty } from "@/lib/reports/choose-season-county";
import { getCountySummary } from "@/lib/reports/get-county-summary";
import { listSummaryPublications } from "@/lib/reports/list-summary-publications";
import { suggestedCorrectionNote } from "@/lib/reports/prepare-summary-publication";
import { countySummaryView } from "@/lib/reports/render-county-summary";
import { reportingYear, yearFilterOptions } from "@/lib/reports/reporting-year";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import { loadStaffPage } from "@/lib/server/page-guard";
import { can, staffPages } from "@/lib/workflow/policy";
import { loadSummaryPublicationJob } from "@/lib/jobs/publish-summary-job";
import { readJobProgressAction, retryJobAction } from "../../jobs/actions";
import { publishCountySummaryAction } from "./actions";
import { ReportModeForm } from "./report-mode-form";

export const metadata: Metadata = { title: "全县汇总" };

export default async function CountySummaryPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string; county?: string }>;
}) {
  const params = await searchParams;
  const askedCounty = typeof params.county === "string" ? params.county : undefined;
  const current = reportingYear(new Date());
  const asked = Number(params.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= current + 1 ? asked : current;
  const { summary, counties, versions, canSetMode, canPublish, publicationJob, canOpenReports, canOpenQueue } =
    await loadStaffPage({
      page: "/review/summary",
      path: `/review/summary?year=${year}${askedCounty ? `&county=${encodeURIComponent(askedCounty)}` : ""}`,
      action: "summary.read",
      authorize: async ({ actor, user }) => {
        // The system administrator has no county of their own: they pick one (default the first).
        const { counties, countyId } = await chooseSeasonCounty(actor, askedCounty);
        if (!countyId) notFound();
        const summary = await getCountySummary(actor, countyId, year);
        const scope = await loadOrganizationScope(summary.county.id);
        const canPublish = can(actor, "summary.publish", scope);
        return {
          summary,
          counties,
          versions: await listSummaryPublications(actor, summary.county.id, year),
          canSetMode: can(actor, "county.configure", scope),
          canPublish,
          publicationJob: canPublish ? await loadSummaryPublicationJob(actor, summary.county.id, year) : null,
          canOpenReports: (staffPages["/review/reports/[id]"] as readonly string[]).includes(user.role),
          canOpenQueue: can(actor, "page.open", { page: "/review" }),
        };
      },
    });
  const { county, included, excluded, inconsistentUnits, findings } = summary;
  const versionItems = versions.map((version) => ({
    sequence: version.sequence,
    publicationDateText: formatDateZh(fromDateColumn(version.publicationDate)) ?? "",
    correctionNote: version.correctionNote,
    href: `${summaryPublicationPath(county.id, year)}/v/${version.sequence}`,
  }));
  const download = (format: string) => `/api/county-summary/${county.id}/${year}/${format}`;
  const unitName = (name: string, reportId: string | null) =>
    canOpenReports && reportId ? <Link href={`/review/reports/${reportId}`}>{name}</Link> : name;
  return (
    <main id="main" className="page page--wide">
      <p>{canOpenQueue && <Link href={`/review?year=${year}`}>← 返回审核工作台</Link>}</p>
      <h1>
        {county.name} {year} 年度全县汇总
      </h1>
      <p className="lead">
        各乡镇（街道）和县直部门已审核、已发布报告的表二、表三、表四逐项相加；合计按模板的计算关系重新计算，并用同一套规则校验。
      </p>
      <FilterForm action="/review/summary" keep={{}}>
        <SeasonFilterSelects
          idPrefix="summary"
          counties={counties}
          countyId={county.id}
          year={year}
          years={yearFilterOptions(new Date())}
          yearLabel="报告年度"
        />
      </FilterForm>
      <p data-testid="summary-counts">
        应报 {included.length + excluded.length} · 已汇总 {included.length} · 未汇总 {excluded.length}
      </p>
      <p>
        <Link href={`/review/board?year=${year}&county=${county.id}`}>查看各单位报告进度</Link>
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
          <TableHead columns={["单位", "原因"]} />
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

      {canPublish ? (
        <SummaryPublicationPanel
          countyId={county.id}
          year={year}
          versions={versionItems}
          suggestedNote={suggestedCorrectionNote(versions[0]?.includedUnits ?? null, summary)}
          publish={publishCountySummaryAction}
          publicationJob={publicationJob}
          followJob={{ readProgress: readJobProgressAction, retry: retryJobAction }}
        />
      ) : (
        versionItems.length > 0 && (
          <>
            <h2>已发布的全县汇总</h2>
            <ol reversed data-testid="summary-versions">
              {versionItems.map((version) => (
                <li key={version.sequence}>
                  <a href={version.href}>第 {version.sequence} 版</a>，{version.publicationDateText}发布
                </li>
              ))}
            </ol>
          </>
        )
      )}

      <h2>县政府本级报告的填报方式</h2>
      <p data-testid="summary-mode">当前：{countyReportModeLabels[county.reportMode]}</p>
      {canSetMode && <ReportModeForm countyId={county.id} mode={county.reportMode} />}

      <h2>汇总表</h2>
      <ReportDocument view={countySummaryView(summary)} idPrefix="summary" />
    </main>
  );
}
