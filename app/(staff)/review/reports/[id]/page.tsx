import type { Metadata } from "next";
import { StatusTag } from "@/components/ui/status-tag";
import { formatDateTime } from "@/lib/format/date-time";
import { getReport } from "@/lib/reports/get-report";
import { loadStaffPage } from "@/lib/server/page-guard";
import type { ReportStatus } from "@/lib/workflow/transitions";

export const metadata: Metadata = { title: "审核报告" };

export default async function ReviewReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { loaded } = await loadStaffPage(`/review/reports/${id}`, ["REVIEWER", "ADMIN"], async ({ actor }) => ({ loaded: await getReport(actor, id) }));
  const { report } = loaded;
  return (
    <main id="main" className="page">
      <h1 data-testid="report-title">
        {report.organization.name} {report.year} 年政府信息公开工作年度报告
      </h1>
      <dl className="summary-list">
        <dt>状态</dt>
        <dd>
          <StatusTag status={report.status as ReportStatus} />
        </dd>
        <dt>最后保存</dt>
        <dd>{formatDateTime(report.updatedAt)}</dd>
      </dl>
      <p>
        <a href={`/api/reports/${report.id}/data`}>下载报告数据（JSON）</a>
      </p>
    </main>
  );
}
