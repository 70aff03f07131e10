import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/ui/status-tag";
import { formatDateTime } from "@/lib/format/date-time";
import { organizationKindLabels } from "@/lib/organizations/organization-kinds";
import { listCountyReports } from "@/lib/reports/list-county-reports";
import { reportingYear } from "@/lib/reports/reporting-year";
import { AppError } from "@/lib/server/errors";
import { loadStaffPage } from "@/lib/server/page-guard";
import type { ReportStatus } from "@/lib/workflow/transitions";

export const metadata: Metadata = { title: "审核工作台" };

export default async function ReviewHomePage() {
  const { rows, year, user } = await loadStaffPage("/review", ["REVIEWER"], async ({ user, actor }) => {
    if (!user.organizationId) throw new AppError("NOT_FOUND");
    const year = reportingYear(new Date());
    return { rows: await listCountyReports(actor, user.organizationId, year), year };
  });
  return (
    <main id="main" className="page">
      <h1>{user.organizationName} · 审核工作台</h1>
      <h2>{year} 年度报告进度</h2>
      <table className="table" data-testid="review-queue">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">类型</th>
            <th scope="col">状态</th>
            <th scope="col">最后修改</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ organization, report }) => (
            <tr key={organization.id}>
              <th scope="row">{organization.name}</th>
              <td>{organizationKindLabels[organization.kind]}</td>
              <td>
                <StatusTag status={(report?.status as ReportStatus | undefined) ?? null} />
              </td>
              <td>{report ? formatDateTime(report.updatedAt) : "—"}</td>
              <td>{report ? <Link href={`/review/reports/${report.id}`}>查看</Link> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
