import type { Metadata } from "next";
import Link from "next/link";
import "@/components/review/review.css";
import "@/components/season/season.css";
import { CountyPublicationPanel } from "@/components/season/county-publication-panel";
import { SeasonFilterSelects } from "@/components/season/season-filter-selects";
import { SeasonNoticeForm } from "@/components/season/season-notice-form";
import { FilterForm, FilterSelect } from "@/components/ui/filter-select";
import { SortHeader } from "@/components/ui/sort-header";
import { StatusTag } from "@/components/ui/status-tag";
import { formatDateTime } from "@/lib/format/date-time";
import { formatCalendarDate } from "@/lib/organizations/reporting-calendar";
import { organizationKinds } from "@/lib/report-data";
import { seasonCountLine } from "@/lib/reports/export-season-board";
import {
  getSeasonBoard,
  seasonBoardFlagRules,
  seasonBoardFlags,
  seasonBoardParams,
  viewSeasonBoard,
  type SeasonBoardParams,
  type SeasonBoardSort,
} from "@/lib/reports/get-season-board";
import { chooseSeasonCounty } from "@/lib/reports/choose-season-county";
import { reportingYear, yearFilterOptions } from "@/lib/reports/reporting-year";
import { defaultNoticeText, MAX_NOTICE_LENGTH } from "@/lib/reports/send-season-notice";
import { loadStaffPage } from "@/lib/server/page-guard";
import { QueueStatusFilter } from "../queue-status-filter";
import { can } from "@/lib/workflow/policy";
import { deadlineStandingShortLabel, returnedUntouchedLabel } from "@/lib/workflow/season-deadline";
import { loadCountyPublication } from "@/lib/jobs/publish-county-reports";
import { readJobProgressAction, retryJobAction } from "../../jobs/actions";
import { publishCountyReportsAction, sendSeasonNoticeAction } from "./actions";

export const metadata: Metadata = { title: "报告进度" };

const NOTICE_FORM = "season-notice-form";
const sortLabels: Record<SeasonBoardSort, string> = {
  name: "单位",
  status: "状态",
  submitted: "报送时间",
  deadline: "期限",
  findings: "校验问题",
};

type Params = SeasonBoardParams & { year: number; county?: string };

function BoardSortHeader({ params, sort }: { params: Params; sort: SeasonBoardSort }) {
  return (
    <SortHeader
      label={sortLabels[sort]}
      sort={sort}
      current={params}
      hrefFor={(change) => `/review/board?${boardSearch(params, change)}`}
    />
  );
}

function boardSearch(params: Params, change: Partial<SeasonBoardParams> = {}): URLSearchParams {
  const next = { ...params, ...change };
  const search = new URLSearchParams({ year: String(next.year), sort: next.sort, dir: next.dir });
  if (next.status) search.set("status", next.status);
  if (next.flag) search.set("flag", next.flag);
  if (params.county) search.set("county", params.county);
  return search;
}

/**
 * The county's season at a glance (the review queue's companion, linked from it): every unit
 * that must report against the county's calendar, with a count line, filters, exports and
 * the reminder form.
 */
export default async function SeasonBoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const parsed = seasonBoardParams.parse({
    year: raw.year,
    status: raw.status,
    flag: raw.flag,
    sort: raw.sort,
    dir: raw.dir,
  });
  const askedCounty = typeof raw.county === "string" ? raw.county : undefined;
  const { board, counties, canOpenReports, canOpenQueue, canRemind, publication } = await loadStaffPage({
    page: "/review/board",
    action: "season.board",
    authorize: async ({ actor }) => {
      // The system administrator has no county of their own: they pick one (default the first).
      const { counties, countyId } = await chooseSeasonCounty(actor, askedCounty);
      const year = parsed.year ?? reportingYear(new Date());
      return {
        board: await getSeasonBoard(actor, countyId, year, new Date()),
        // 一键发布: the county's own reviewers (null for everyone else).
        publication: await loadCountyPublication(actor, countyId, year),
        counties,
        canOpenReports: can(actor, "page.open", { page: "/review/reports/[id]" }),
        canOpenQueue: can(actor, "page.open", { page: "/review" }),
        // A reminder goes out from the sender's own county (sendSeasonNoticeAction): not the
        // system administrator's, who has none.
        canRemind: countyId !== null && countyId === actor?.organizationId,
      };
    },
  });
  const params: Params = {
    ...parsed,
    year: parsed.year ?? reportingYear(new Date()),
    ...(counties.length > 1 ? { county: board.calendar.countyId } : {}),
  };
  const rows = viewSeasonBoard(board.rows, params);
  const { calendar } = board;
  return (
    <main id="main" className="page page--wide">
      <p>{canOpenQueue && <Link href={`/review?year=${params.year}`}>← 审核工作台</Link>}</p>
      <h1>
        {calendar.countyName} · {params.year} 年度报告进度
      </h1>
      <p className="muted">
        乡镇（街道）和县直部门的公布期限 {formatCalendarDate(calendar.unitDeadline)}，县政府
        {formatCalendarDate(calendar.countyDeadline)}
        {calendar.isDefault ? "（默认期限）" : ""}；今天 {formatCalendarDate(board.today)}。
      </p>
      <p className="season-count-line" data-testid="season-count-line">
        <strong>{seasonCountLine(board)}</strong>
      </p>
      <FilterForm action="/review/board" keep={{ sort: params.sort, dir: params.dir }}>
        <SeasonFilterSelects
          idPrefix="board"
          counties={counties}
          countyId={calendar.countyId}
          year={params.year}
          years={yearFilterOptions(new Date())}
        />
        <QueueStatusFilter idPrefix="board" value={params.status} />
        <FilterSelect
          id="board-flag"
          name="flag"
          label="情况"
          value={params.flag}
          options={seasonBoardFlags.map((flag) => ({ value: flag, label: seasonBoardFlagRules[flag].label }))}
          allLabel="全部"
        />
      </FilterForm>
      <p>
        导出本表：
        <a href={`/review/board/export?${boardSearch(params)}&format=xlsx`} download>
          Excel（.xlsx）
        </a>{" "}
        · <a href={`/review/board/export?${boardSearch(params)}&format=csv`}>CSV</a>
      </p>
      <table className="table" data-testid="season-board">
        <thead>
          <tr>
            {canRemind && (
              <th scope="col">
                <span className="season-visually-hidden">选择</span>
              </th>
            )}
            <BoardSortHeader params={params} sort="name" />
            <th scope="col">类型</th>
            <BoardSortHeader params={params} sort="status" />
            <BoardSortHeader params={params} sort="submitted" />
            <BoardSortHeader params={params} sort="deadline" />
            <th scope="col">退回后</th>
            <th scope="col">未处理批注</th>
            <BoardSortHeader params={params} sort="findings" />
            {canOpenReports && <th scope="col">操作</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.organization.id}
              data-status={row.status}
              data-standing={row.standing.kind}
              data-unit={row.organization.name}
            >
              {canRemind && (
                <td>
                  <input
                    type="checkbox"
                    name="unit"
                    value={row.organization.id}
                    form={NOTICE_FORM}
                    aria-label={`选择${row.organization.name}`}
                  />
                </td>
              )}
              <th scope="row">{row.organization.name}</th>
              <td>{organizationKinds[row.organization.kind].label}</td>
              <td>
                <StatusTag status={row.status === "NOT_STARTED" ? null : row.status} />
              </td>
              <td>{row.submittedAt ? formatDateTime(row.submittedAt) : "—"}</td>
              <td data-testid="standing" className={row.standing.kind === "overdue" ? "season-overdue" : undefined}>
                {deadlineStandingShortLabel(row.standing)}
              </td>
              <td data-testid="returned">
                {row.returnedUntouchedDays === null ? "—" : returnedUntouchedLabel(row.returnedUntouchedDays)}
              </td>
              <td>{row.report ? row.openComments : "—"}</td>
              <td>
                {row.findings
                  ? row.findings.errors + row.findings.warnings === 0
                    ? "无"
                    : `错误 ${row.findings.errors} · 提示 ${row.findings.warnings}`
                  : "—"}
              </td>
              {canOpenReports && (
                <td>{row.report ? <Link href={`/review/reports/${row.report.id}`}>查看</Link> : "—"}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>没有符合条件的单位。</p>}
      {publication && (
        <CountyPublicationPanel
          key={params.year}
          year={params.year}
          publishable={publication.publishable}
          initialJob={publication.job}
          startPublication={publishCountyReportsAction}
          readProgress={readJobProgressAction}
          retry={retryJobAction}
        />
      )}
      {canRemind && (
        <SeasonNoticeForm
          formId={NOTICE_FORM}
          year={params.year}
          defaultText={defaultNoticeText(params.year, calendar.unitDeadline)}
          maxLength={MAX_NOTICE_LENGTH}
          sendNotice={sendSeasonNoticeAction}
        />
      )}
    </main>
  );
}
