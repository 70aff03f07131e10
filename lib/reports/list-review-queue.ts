import "server-only";
import { z } from "zod";
import type { OrganizationKind } from "@/lib/report-data";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeOrganization, organizationFilter } from "@/lib/server/organization-scope";
import { subtreeOf, type Actor } from "@/lib/workflow/policy";
import { reportStatuses, statusLabels, type ReportStatus } from "@/lib/workflow/transitions";
import { evaluateStoredReport } from "./evaluate-stored-report";
import { reportingSeasonStart } from "./reporting-year";

/** A queue row's status: the report's, or NOT_STARTED when the organization has none yet. */
export type QueueStatus = ReportStatus | "NOT_STARTED";
export const queueStatuses = ["NOT_STARTED", ...reportStatuses] as const satisfies readonly QueueStatus[];
export const queueStatusLabels: Record<QueueStatus, string> = { NOT_STARTED: "未开始", ...statusLabels };
/** The choices of a status filter, in the order a season runs. */
export const queueStatusOptions = queueStatuses.map((status) => ({ value: status, label: queueStatusLabels[status] }));

export const queueSorts = ["name", "status", "updated"] as const;
export type QueueSort = (typeof queueSorts)[number];

/** The queue's URL search params, read leniently: anything unknown falls back to the default. */
export const reviewQueueParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.enum(queueStatuses).optional().catch(undefined),
  sort: z.enum(queueSorts).default("status").catch("status"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
});
export type ReviewQueueParams = z.infer<typeof reviewQueueParams>;

export type ReviewQueueRow = {
  organization: { id: string; name: string; kind: OrganizationKind };
  report: { id: string; version: number; updatedAt: Date; submittedAt: Date | null } | null;
  status: QueueStatus;
  lastChange: Date | null;
  /** Errors and warnings of the server's rule run over the stored data (null: not started). */
  findings: { errors: number; warnings: number } | null;
  openComments: number;
  /** The report's data is what an import read (导入); while submitted it awaits confirmation. */
  isImport: boolean;
};

// Reports waiting for the reviewer come first when sorting by status.
const statusOrder: Record<QueueStatus, number> = {
  SUBMITTED: 0,
  APPROVED: 1,
  RETURNED: 2,
  DRAFT: 3,
  NOT_STARTED: 4,
  PUBLISHED: 5,
};

export type ReviewQueueFilter = { year: number; status?: QueueStatus; sort: QueueSort; dir: "asc" | "desc" };

/**
 * The reviewer's queue: every organization of the county's subtree (the county itself, its
 * townships and departments, anything below them) with its report for `year`, filtered by
 * status and sorted by name, status or last change.
 */
export const listReviewQueue = defineOperation({
  name: "listReviewQueue",
  action: "review.queue",
  authorize: (actor: Actor, countyId: string | null, _params: ReviewQueueFilter) =>
    authorizeOrganization(actor, "review.queue", countyId),
  run: (countyId, _actor, _countyId, params) => queueOf(countyId, params),
});

async function queueOf(countyId: string, params: ReviewQueueFilter): Promise<ReviewQueueRow[]> {
  const organizations = await db.organization.findMany({
    where: {
      AND: [
        await organizationFilter(subtreeOf(countyId)),
        // A retired unit is in the queue for the seasons that began before it retired, later only with a report.
        {
          OR: [
            { retiredAt: null },
            { retiredAt: { gte: reportingSeasonStart(params.year) } },
            { reports: { some: { year: params.year } } },
          ],
        },
      ],
    },
    select: {
      id: true,
      name: true,
      kind: true,
      reports: {
        where: { year: params.year },
        select: {
          id: true,
          status: true,
          version: true,
          updatedAt: true,
          submittedAt: true,
          year: true,
          templateId: true,
          data: true,
          importId: true,
          _count: { select: { comments: { where: { resolvedAt: null } } } },
        },
      },
    },
  });

  const rows = await Promise.all(
    organizations.map(async ({ reports, ...organization }): Promise<ReviewQueueRow> => {
      const report = reports[0];
      if (!report)
        return {
          organization,
          report: null,
          status: "NOT_STARTED",
          lastChange: null,
          findings: null,
          openComments: 0,
          isImport: false,
        };
      let findings: ReviewQueueRow["findings"] = null;
      try {
        const evaluated = await evaluateStoredReport({ ...report, organization });
        findings = {
          errors: evaluated.findings.filter((finding) => finding.severity === "error").length,
          warnings: evaluated.findings.filter((finding) => finding.severity === "warning").length,
        };
      } catch {
        findings = null; // unreadable stored data shows as "—"; the report page says why
      }
      return {
        organization,
        report: {
          id: report.id,
          version: report.version,
          updatedAt: report.updatedAt,
          submittedAt: report.submittedAt,
        },
        status: report.status as ReportStatus,
        lastChange: report.updatedAt,
        findings,
        openComments: report._count.comments,
        isImport: report.importId !== null,
      };
    }),
  );

  const filtered = params.status ? rows.filter((row) => row.status === params.status) : rows;
  const byName = (a: ReviewQueueRow, b: ReviewQueueRow) =>
    a.organization.name.localeCompare(b.organization.name, "zh-CN");
  const compare: Record<QueueSort, (a: ReviewQueueRow, b: ReviewQueueRow) => number> = {
    name: byName,
    status: (a, b) => statusOrder[a.status] - statusOrder[b.status] || byName(a, b),
    updated: (a, b) => (a.lastChange?.getTime() ?? 0) - (b.lastChange?.getTime() ?? 0) || byName(a, b),
  };
  const sign = params.dir === "desc" ? -1 : 1;
  return filtered.sort((a, b) => sign * compare[params.sort](a, b));
}
