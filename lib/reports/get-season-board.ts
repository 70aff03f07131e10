import "server-only";
import { z } from "zod";
import { chinaDay, fromDateColumn, type CalendarDay } from "@/lib/format/calendar-day";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reportingCalendarOf } from "@/lib/organizations/get-reporting-calendar";
import { deadlineFor, type ReportingCalendar } from "@/lib/organizations/reporting-calendar";
import { parseReportData, type OrganizationKind, type ReportData } from "@/lib/report-data";
import { evaluateReport } from "@/lib/rules";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeOrganization, organizationFilter } from "@/lib/server/organization-scope";
import { getLayout } from "@/lib/template";
import { subtreeOf, type Actor } from "@/lib/workflow/policy";
import { daysBetween, deadlineStanding, type DeadlineStanding } from "@/lib/workflow/season-deadline";
import type { ReportStatus } from "@/lib/workflow/transitions";
import { queueStatuses, type QueueStatus } from "./list-review-queue";
import { reportingSeasonStart } from "./reporting-year";

export type SeasonBoardRow = {
  organization: { id: string; name: string; kind: OrganizationKind };
  status: QueueStatus;
  report: { id: string; version: number } | null;
  /** 报送: when the report was last submitted. */
  submittedAt: Date | null;
  /** The deadline that applies to the unit (the county government's own, or its units'). */
  deadline: CalendarDay;
  standing: DeadlineStanding;
  /** Returned and not edited since: the days since the return; null otherwise. */
  returnedUntouchedDays: number | null;
  openComments: number;
  /** The rule engine's errors and warnings on the stored data (null: not started, or unreadable data). */
  findings: { errors: number; warnings: number } | null;
};

export type SeasonBoardCounts = {
  /** 应报: the units on the board. */
  expected: number;
  byStatus: Record<QueueStatus, number>;
  /** Not published and past the deadline. */
  overdue: number;
  returnedUntouched: number;
};

export type SeasonBoard = {
  calendar: ReportingCalendar;
  today: CalendarDay;
  rows: SeasonBoardRow[];
  counts: SeasonBoardCounts;
};

/**
 * The season board of a county for a report year at `now` (a clock argument, so tests and
 * the bench choose the day): every unit that must report, its status, its standing against
 * the county's calendar, a return nobody acted on, open comments and findings.
 *
 * Who must report: every unit of the county's subtree that had not retired when the season
 * began (a retired unit with a report for the year stays, as in the review queue); the county
 * organization itself only when the county government's own report is written there (it has a
 * clerk or a report for the year), since otherwise it is where the reviewers sit.
 */
export const getSeasonBoard = defineOperation({
  name: "getSeasonBoard",
  action: "season.board",
  authorize: (actor: Actor, countyId: string | null, year: number, now: Date) =>
    authorizeSeasonBoard(actor, "season.board", countyId, year, now),
  run: async ({ countyId, board }) => {
    if (!board) throw new Error(`getSeasonBoard: ${countyId} is not a county`);
    return board;
  },
});

/**
 * The board of a county for a year at `now`, once the policy allows `action` on the county:
 * the authorize step of the operations on the board (null: the organization is no county).
 */
export async function authorizeSeasonBoard(
  actor: Actor,
  action: "season.board" | "season.remind",
  countyId: string | null,
  year: number,
  now: Date,
): Promise<{ countyId: string; board: SeasonBoard | null }> {
  const authorized = await authorizeOrganization(actor, action, countyId);
  return { countyId: authorized, board: await buildSeasonBoard(authorized, year, now) };
}

/** The board without asking the policy: for authorizeSeasonBoard, once it has asked, and for the bench (bench/board.bench.ts). */
export async function buildSeasonBoard(countyId: string, year: number, now: Date): Promise<SeasonBoard | null> {
  // One read of the county's tree, then the calendar, the units and last year's publications at once.
  const inCounty = await organizationFilter(subtreeOf(countyId));
  const [calendar, organizations, previousByUnit] = await Promise.all([
    reportingCalendarOf(countyId, year),
    db.organization.findMany({
      where: { AND: [inCounty, ...expectedToReport(countyId, year)] },
      select: {
        id: true,
        name: true,
        kind: true,
        reports: {
          where: { year },
          select: {
            id: true,
            year: true,
            status: true,
            version: true,
            templateId: true,
            updatedAt: true,
            submittedAt: true,
            publications: {
              orderBy: { sequence: "asc" },
              take: 1,
              select: { publishedAt: true, publicationDate: true },
            },
            // The snapshot the last return or reopening kept (lib/reports/load-return-baseline.ts):
            // a reviewer's RETURNED revision. Saved since, the report's version is past it.
            revisions: {
              where: { status: "RETURNED", author: { role: { in: ["REVIEWER", "ADMIN"] } } },
              orderBy: { version: "desc" },
              take: 1,
              select: { version: true, createdAt: true },
            },
            _count: { select: { comments: { where: { resolvedAt: null } } } },
          },
        },
      },
    }),
    latestPublications(inCounty, year - 1),
  ]);
  if (!calendar) return null;
  const today = chinaDay(now);
  const units = organizations.map(({ reports, ...organization }) => ({
    organization,
    report: reports[0],
    previous: previousByUnit.get(organization.id),
  }));
  // The stored data (the bulk of what is read) only of the reports whose findings are not known yet.
  const unknown = units.filter(
    (unit) => unit.report && !findingsByVersion.has(findingsKey(unit.report, unit.previous, unit.organization)),
  );
  const [dataById, previousDataById] = await Promise.all([
    loadData(unknown.map((unit) => unit.report!.id)),
    loadPublicationData(unknown.flatMap((unit) => (unit.previous ? [unit.previous.id] : []))),
  ]);
  const rows = units.map(({ organization, report, previous }) =>
    boardRow(organization, report, previous, deadlineFor(calendar, organization.kind), today, {
      reports: dataById,
      publications: previousDataById,
    }),
  );
  return { calendar, today, rows, counts: countsOf(rows) };
}

function expectedToReport(countyId: string, year: number): Prisma.OrganizationWhereInput[] {
  const hasReport: Prisma.OrganizationWhereInput = { reports: { some: { year } } };
  return [
    { OR: [{ retiredAt: null }, { retiredAt: { gte: reportingSeasonStart(year) } }, hasReport] },
    { OR: [{ id: { not: countyId } }, hasReport, { users: { some: { role: "CLERK" } } }] },
  ];
}

async function loadData(reportIds: readonly string[]): Promise<Map<string, unknown>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db.report.findMany({ where: { id: { in: [...reportIds] } }, select: { id: true, data: true } });
  return new Map(rows.map((row) => [row.id, row.data]));
}

async function loadPublicationData(publicationIds: readonly string[]): Promise<Map<string, unknown>> {
  if (publicationIds.length === 0) return new Map();
  const rows = await db.publication.findMany({
    where: { id: { in: [...publicationIds] } },
    select: { id: true, data: true },
  });
  return new Map(rows.map((row) => [row.id, row.data]));
}

/** A frozen version of last year's report: what the year-to-year rules compare with. */
type PreviousPublication = { id: string; templateId: string };

/**
 * Per unit of `organizations`, the latest publication of its report of `year` — as the submit gate reads last
 * year (loadPreviousYearData in lib/reports/evaluate-stored-report.ts), never a draft, a
 * submission or a returned report. A publication never changes, so its id keys the findings.
 */
async function latestPublications(
  organizations: Prisma.OrganizationWhereInput,
  year: number,
): Promise<Map<string, PreviousPublication>> {
  const rows = await db.publication.findMany({
    where: { report: { year, organization: organizations } },
    orderBy: [{ reportId: "asc" }, { sequence: "desc" }],
    distinct: ["reportId"],
    select: { id: true, templateId: true, report: { select: { organizationId: true } } },
  });
  return new Map(rows.map((row) => [row.report.organizationId, { id: row.id, templateId: row.templateId }]));
}

type StoredReport = {
  id: string;
  status: string;
  version: number;
  templateId: string;
  updatedAt: Date;
  submittedAt: Date | null;
  publications: { publishedAt: Date; publicationDate: Date | null }[];
  revisions: { version: number; createdAt: Date }[];
  _count: { comments: number };
};

/** The stored data read for this build: of this year's reports by id, of last year's publications by id. */
type LoadedData = { reports: ReadonlyMap<string, unknown>; publications: ReadonlyMap<string, unknown> };

function boardRow(
  organization: SeasonBoardRow["organization"],
  report: StoredReport | undefined,
  previous: PreviousPublication | undefined,
  deadline: CalendarDay,
  today: CalendarDay,
  loaded: LoadedData,
): SeasonBoardRow {
  if (!report)
    return {
      organization,
      status: "NOT_STARTED",
      report: null,
      submittedAt: null,
      deadline,
      standing: deadlineStanding({ deadline, today, publishedOn: null }),
      returnedUntouchedDays: null,
      openComments: 0,
      findings: null,
    };
  const status = report.status as ReportStatus;
  const first = report.publications[0];
  // A report published here is dated by its first publication (its 发布日期 is that day); an
  // imported one by the day its page states, or not at all: the import day is not its body's.
  const publishedOn = first ? (first.publicationDate ? fromDateColumn(first.publicationDate) : "undated") : null;
  const baseline = report.revisions[0];
  const isUntouched = status === "RETURNED" && baseline !== undefined && baseline.version === report.version;
  return {
    organization,
    status,
    report: { id: report.id, version: report.version },
    submittedAt: report.submittedAt,
    deadline,
    standing: deadlineStanding({ deadline, today, publishedOn: status === "PUBLISHED" ? publishedOn : null }),
    returnedUntouchedDays: isUntouched ? Math.max(0, daysBetween(chinaDay(baseline.createdAt), today)) : null,
    openComments: report._count.comments,
    findings: findingsOf(report, previous, organization, loaded),
  };
}

function readData(
  report: { id: string; templateId: string },
  dataById: ReadonlyMap<string, unknown>,
): { layout: NonNullable<ReturnType<typeof getLayout>>; data: ReportData } | null {
  const layout = getLayout(report.templateId);
  if (!layout) return null;
  const reading = parseReportData(layout, dataById.get(report.id));
  return reading.ok ? { layout, data: reading.data } : null;
}

// The findings of a stored version never change while the process runs (the rules are code), so
// they are kept per report version and last year's version: a board shown again, or exported
// after it is shown, runs the engine only for the reports saved since. Bounded, oldest first out.
const findingsByVersion = new Map<string, SeasonBoardRow["findings"]>();
const MAX_REMEMBERED_FINDINGS = 20_000;

/**
 * What the findings depend on: this version of the data, last year's, the unit's name and kind
 * (rules read them). Every write of a report's data bumps its version and its updatedAt.
 */
function findingsKey(
  report: Pick<StoredReport, "id" | "version" | "updatedAt">,
  previous: PreviousPublication | undefined,
  organization: SeasonBoardRow["organization"],
): string {
  const stamp = `${report.id}:${report.version}:${report.updatedAt.getTime()}`;
  return `${stamp}:${previous?.id ?? "-"}:${organization.kind}:${organization.name}`;
}

/** The same rule run as the submit gate (lib/reports/evaluate-stored-report.ts), last year read from the same publication. */
function findingsOf(
  report: StoredReport,
  previous: PreviousPublication | undefined,
  organization: SeasonBoardRow["organization"],
  loaded: LoadedData,
): SeasonBoardRow["findings"] {
  const key = findingsKey(report, previous, organization);
  const remembered = findingsByVersion.get(key);
  if (remembered !== undefined) return remembered;
  const current = readData(report, loaded.reports);
  // Unreadable stored data shows as "—"; the report page says why.
  const findings = current
    ? countFindings(
        evaluateReport({
          ...current,
          previousYear: previous ? readData(previous, loaded.publications)?.data : undefined,
          organization: { name: organization.name, kind: organization.kind },
        }),
      )
    : null;
  if (findingsByVersion.size >= MAX_REMEMBERED_FINDINGS)
    findingsByVersion.delete(findingsByVersion.keys().next().value!);
  findingsByVersion.set(key, findings);
  return findings;
}

function countFindings(findings: readonly { severity: string }[]): NonNullable<SeasonBoardRow["findings"]> {
  return {
    errors: findings.filter((finding) => finding.severity === "error").length,
    warnings: findings.filter((finding) => finding.severity === "warning").length,
  };
}

function countsOf(rows: readonly SeasonBoardRow[]): SeasonBoardCounts {
  const byStatus = Object.fromEntries(queueStatuses.map((status) => [status, 0])) as Record<QueueStatus, number>;
  for (const row of rows) byStatus[row.status] += 1;
  return {
    expected: rows.length,
    byStatus,
    overdue: rows.filter(seasonBoardFlagRules.overdue.test).length,
    returnedUntouched: rows.filter(seasonBoardFlagRules.returnedUntouched.test).length,
  };
}

// ---------------------------------------------------------------------------------------
// Filtering and sorting, for the page and the exports alike (URL search params, read leniently).

export const seasonBoardFlags = ["overdue", "returnedUntouched", "withFindings", "withComments"] as const;
export type SeasonBoardFlag = (typeof seasonBoardFlags)[number];
/** Each flag of the board: its zh-CN name and which rows carry it (for the filter and the counts alike). */
export const seasonBoardFlagRules: Record<SeasonBoardFlag, { label: string; test: (row: SeasonBoardRow) => boolean }> =
  {
    overdue: { label: "已逾期", test: (row) => row.standing.kind === "overdue" },
    returnedUntouched: { label: "退回未修改", test: (row) => row.returnedUntouchedDays !== null },
    withFindings: {
      label: "有校验问题",
      test: (row) => (row.findings?.errors ?? 0) + (row.findings?.warnings ?? 0) > 0,
    },
    withComments: { label: "有未处理批注", test: (row) => row.openComments > 0 },
  };

export const seasonBoardSorts = ["name", "status", "submitted", "deadline", "findings"] as const;
export type SeasonBoardSort = (typeof seasonBoardSorts)[number];

export const seasonBoardParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.enum(queueStatuses).optional().catch(undefined),
  flag: z.enum(seasonBoardFlags).optional().catch(undefined),
  sort: z.enum(seasonBoardSorts).default("deadline").catch("deadline"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
});
export type SeasonBoardParams = z.infer<typeof seasonBoardParams>;

// Furthest behind first: not started, draft, returned, then the steps of review.
const statusOrder: Record<QueueStatus, number> = {
  NOT_STARTED: 0,
  DRAFT: 1,
  RETURNED: 2,
  SUBMITTED: 3,
  APPROVED: 4,
  PUBLISHED: 5,
};

/** How pressing a row is against its deadline: the most overdue first, published last. */
function urgency(row: SeasonBoardRow): number {
  const { standing } = row;
  if (standing.kind === "overdue") return -standing.daysLate;
  if (standing.kind === "open") return standing.daysLeft;
  if (standing.kind === "publishedUndated") return 200_000;
  return 100_000 + standing.daysLate;
}

export function viewSeasonBoard(
  rows: readonly SeasonBoardRow[],
  params: Pick<SeasonBoardParams, "status" | "flag" | "sort" | "dir">,
): SeasonBoardRow[] {
  const filtered = rows.filter(
    (row) =>
      (!params.status || row.status === params.status) && (!params.flag || seasonBoardFlagRules[params.flag].test(row)),
  );
  const byName = (a: SeasonBoardRow, b: SeasonBoardRow) =>
    a.organization.name.localeCompare(b.organization.name, "zh-CN");
  const findingCount = (row: SeasonBoardRow) =>
    row.findings ? row.findings.errors * 1_000 + row.findings.warnings : -1;
  const compare: Record<SeasonBoardSort, (a: SeasonBoardRow, b: SeasonBoardRow) => number> = {
    name: byName,
    status: (a, b) => statusOrder[a.status] - statusOrder[b.status] || byName(a, b),
    submitted: (a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) || byName(a, b),
    deadline: (a, b) => urgency(a) - urgency(b) || byName(a, b),
    findings: (a, b) => findingCount(b) - findingCount(a) || byName(a, b),
  };
  const sign = params.dir === "desc" ? -1 : 1;
  return filtered.sort((a, b) => sign * compare[params.sort](a, b));
}
