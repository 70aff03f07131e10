import type { Metadata } from "next";
import Link from "next/link";
import "@/components/review/review.css";
import { FilterForm, FilterSelect } from "@/components/ui/filter-select";
import { SortHeader } from "@/components/ui/sort-header";
import { StatusTag } from "@/components/ui/status-tag";
import { formatDateTime } from "@/lib/format/date-time";
import { organizationKinds } from "@/lib/report-data";
import {
  listReviewQueue,
  reviewQueueParams,
  type QueueSort,
  type ReviewQueueParams,
} from "@/lib/reports/list-review-queue";
import { reportingYear, yearFilterOptions } from "@/lib/reports/reporting-year";
import { loadStaffPage } from "@/lib/server/page-guard";
import { QueueStatusFilter } from "./queue-status-filter";

export const metadata: Metadata = { title: "审核工作台" };

const sortLabels: Record<QueueSort, string> = { name: "单位", status: "状态", updated: "最后修改" };

function queueHref(params: ReviewQueueParams & { year: number }, change: Partial<ReviewQueueParams>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams({ year: String(next.year), sort: next.sort, dir: next.dir });
  if (next.status) search.set("status", next.status);
  return `/review?${search}`;
}

function QueueSortHeader({ params, sort }: { params: ReviewQueueParams & { year: number }; sort: QueueSort }) {
  return (
    <SortHeader label={sortLabels[sort]} sort={sort} current={params} hrefFor={(change) => queueHref(params, change)} />
  );
}

export default async function ReviewHomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const parsed = reviewQueueParams.parse({ year: raw.year, status: raw.status, sort: raw.sort, dir: raw.dir });
  const params = { ...parsed, year: parsed.year ?? reportingYear(new Date()) };
  const { rows, user } = await loadStaffPage({
    page: "/review",
    action: "review.queue",
    authorize: async ({ user, actor }) => ({ rows: await listReviewQueue(actor, user.organizationId, params) }),
  });
  return (
    <main id="main" className="page">
      <h1>{user.organizationName} · 审核工作台</h1>
      {user.organizationId && (
        <p>
          <Link href={`/review/trends/${user.organizationId}`}>全县历年主要数据（趋势图）</Link>
        </p>
      )}
      <p>
        <Link href={`/review/board?year=${params.year}`}>报告进度（期限、逾期、催报、导出）</Link>
      </p>
      <FilterForm action="/review" keep={{ sort: params.sort, dir: params.dir }}>
        <FilterSelect
          id="queue-year"
          name="year"
          label="年度"
          value={params.year}
          options={yearFilterOptions(new Date())}
        />
        <QueueStatusFilter idPrefix="queue" value={params.status} />
      </FilterForm>
      <h2>
        {params.year} 年度报告进度（{rows.length} 个单位）
      </h2>
      <p>
        <Link href={`/review/summary?year=${params.year}`}>查看 {params.year} 年度全县汇总</Link>
      </p>
      <table className="table" data-testid="review-queue">
        <thead>
          <tr>
            <QueueSortHeader params={params} sort="name" />
            <th scope="col">类型</th>
            <QueueSortHeader params={params} sort="status" />
            <QueueSortHeader params={params} sort="updated" />
            <th scope="col">校验问题</th>
            <th scope="col">未处理批注</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ organization, report, status, lastChange, findings, openComments, isImport }) => (
            <tr key={organization.id} data-status={status}>
              <th scope="row">{organization.name}</th>
              <td>{organizationKinds[organization.kind].label}</td>
              <td>
                <StatusTag status={status === "NOT_STARTED" ? null : status} />
                {isImport && (
                  <>
                    {" "}
                    <span className="tag tag--IMPORT" title="报告内容由文件导入">
                      导入
                    </span>
                  </>
                )}
              </td>
              <td>{lastChange ? formatDateTime(lastChange) : "—"}</td>
              <td>
                {findings
                  ? findings.errors + findings.warnings === 0
                    ? "无"
                    : `错误 ${findings.errors} · 提示 ${findings.warnings}`
                  : "—"}
              </td>
              <td>{report ? openComments : "—"}</td>
              <td>
                {report ? (
                  <Link href={`/review/reports/${report.id}`}>{status === "SUBMITTED" ? "审核" : "查看"}</Link>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>没有符合条件的单位。</p>}
    </main>
  );
}
