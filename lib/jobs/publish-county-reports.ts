import "server-only";
import { z } from "zod";
import { chinaDay } from "@/lib/format/calendar-day";
import { publicationDayProblem } from "@/lib/publications/publication-dates";
import { authorizeReport } from "@/lib/reports/authorize-report";
import { publishReportInput, publishThrough } from "@/lib/reports/publish-report";
import { authorizeCounty } from "@/lib/organizations/authorize-county";
import { notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import { loadOrganizationScope, organizationFilter } from "@/lib/server/organization-scope";
import { can, subtreeOf, type Actor } from "@/lib/workflow/policy";
import { canTransition, statusLabels } from "@/lib/workflow/transitions";
import {
  isRefusal,
  jobDetailOf,
  jobDetailSchema,
  startJob,
  recordProgress,
  runJobAttempt,
  type JobDetail,
  type JobItem,
  type JobView,
} from "./background-job";
import { latestOwnJob } from "./follow-job";
import { jobKinds, type QueueJob } from "./job-queue";

const KIND = "county-publish-reports";

export const publishCountyReportsInput = z.strictObject({
  year: z
    .number({ error: "报告年度无效，请刷新页面后重试" })
    .int({ error: "报告年度无效，请刷新页面后重试" })
    .min(2000, { error: "报告年度无效，请刷新页面后重试" })
    .max(2100, { error: "报告年度无效，请刷新页面后重试" }),
});

/** The operation also takes the clock (tests set it); the action's input never carries it. */
export type PublishCountyReportsInput = z.infer<typeof publishCountyReportsInput> & { now?: Date };

/** The county, once the policy lets the actor publish all of it: its own reviewers. */
async function authorizeCountyPublication(actor: Actor, countyId: string | null): Promise<string> {
  if (countyId === null) throw notFoundFor(actor);
  return authorizeCounty(actor, "season.publishReports", countyId);
}

/**
 * The reports of the county and year a whole-county publication takes: approved and never
 * published (a correction needs its own 更正说明, given on the report's page), the county's
 * own report included, by unit name.
 */
export async function listPublishableReports(countyId: string, year: number) {
  const reports = await db.report.findMany({
    where: {
      organization: await organizationFilter(subtreeOf(countyId)),
      year,
      status: "APPROVED",
      publications: { none: {} },
    },
    select: { id: true, organization: { select: { name: true } } },
  });
  return reports
    .map((report) => ({ reportId: report.id, organizationName: report.organization.name }))
    .sort((a, b) => a.organizationName.localeCompare(b.organizationName, "zh-CN"));
}

/**
 * Starts publishing every approved report of the reviewer's county and year as one job of
 * the queue (any app instance may take it). Asked of the policy now and again in the job
 * body (per report, report.transition publish, against the report as it is then). Refused
 * before the year's 统计期限 has ended and with nothing to publish; while one is under way
 * for the county and year, that one is answered instead of starting another.
 */
export const publishCountyReports = defineOperation({
  name: "publishCountyReports",
  action: "season.publishReports",
  authorize: (actor: Actor, countyId: string | null, _input: PublishCountyReportsInput) =>
    authorizeCountyPublication(actor, countyId),
  run: async (countyId, actor, _askedCounty, input): Promise<JobView> => {
    const dayProblem = publicationDayProblem(input.year, chinaDay(input.now ?? new Date()));
    if (dayProblem) throw new AppError("INVALID_STATE", dayProblem);
    return startJob(KIND, actor, { organizationId: countyId, year: input.year }, async () => {
      const targets = await listPublishableReports(countyId, input.year);
      if (targets.length === 0) throw new AppError("INVALID_STATE", `${input.year} 年度没有待发布的已审核报告。`);
      return { targets, items: [] };
    });
  },
});

/**
 * What the reviewer chose for one report's publication (publish-report-job.ts), and along
 * which row it publishes: `publish` (an approved report, 发布…) or `confirmImport` (an imported
 * report confirmed as read, 确认导入并发布). A job stored before the row was kept is a `publish`.
 */
export const publicationRequestSchema = publishReportInput
  .pick({ expectedVersion: true, correctionNote: true, documentDate: true })
  .extend({ transition: z.enum(["publish", "confirmImport"]).default("publish") });

export type PublicationRequest = z.infer<typeof publicationRequestSchema>;

/**
 * One report of a job: published by this job (also when an earlier attempt published it and
 * stopped before it could record so, so a retry never publishes twice), or skipped with the
 * reason. A failure of the machinery (database, render pool) is thrown: the attempt fails and
 * the queue retries it. `request` is what the reviewer chose on the report's page (the version
 * they saw, the 更正说明, the 成文日期, the row); without it, the report as it is now, published
 * along `publish`.
 */
export async function publishOne(
  actor: Actor,
  target: JobDetail["targets"][number],
  startedAt: Date,
  request?: PublicationRequest,
): Promise<JobItem> {
  const earlier = await db.publication.findFirst({
    where: { reportId: target.reportId, publishedAt: { gte: startedAt }, publishedById: actor?.userId ?? "" },
    orderBy: { sequence: "desc" },
    select: { sequence: true },
  });
  if (earlier) return { ...target, outcome: "published", sequence: earlier.sequence };
  const { transition = "publish", ...choices }: Partial<PublicationRequest> = request ?? {};
  try {
    const authorized = await authorizeReport(actor, "report.transition", target.reportId, { transition });
    const published = await publishThrough(authorized, actor, transition, {
      ...choices,
      expectedVersion: choices.expectedVersion ?? authorized.report.version,
    });
    return { ...target, outcome: "published", sequence: published.sequence };
  } catch (error) {
    // A refusal means "this report is not to be published now": it is skipped with the reason.
    if (!isRefusal(error)) throw error;
    // The policy refuses a report the row no longer takes (no longer approved, or no longer
    // awaiting its import's confirmation) as it refuses a stranger; the starter (whose county
    // it is) reads what became of it instead.
    const current = await db.report.findUnique({ where: { id: target.reportId }, select: { status: true } });
    const reason =
      current && !canTransition(transition, current.status)
        ? `报告当前为“${statusLabels[current.status]}”，未发布`
        : error.userMessage.replace(/[。\s]+$/u, "");
    return { ...target, outcome: "skipped", reason };
  }
}

/**
 * The job body, on whichever instance took it: as its starter is now (a reviewer moved or
 * disabled since is refused, and the job ends without retrying), each target not yet done in
 * an earlier attempt is published through the same transition as one report's publication
 * (atomic per report, guarded by its version, so a retried job never publishes twice), the
 * progress written after each.
 */
export async function runCountyPublication(job: QueueJob<unknown>): Promise<void> {
  await runJobAttempt(job, "runCountyPublication", async (row, actor) => {
    // The starter may no longer do this: a refusal, which retrying cannot change (runJobAttempt).
    await authorizeCountyPublication(actor, row.organizationId);
    const detail = jobDetailOf(row, jobDetailSchema);
    const done = new Set(detail.items.map((item) => item.reportId));
    for (const target of detail.targets) {
      if (done.has(target.reportId)) continue;
      detail.items.push(await publishOne(actor, target, row.createdAt));
      await recordProgress(job.id, detail);
    }
    return detail;
  });
}

export const countyPublicationRetries = jobKinds[KIND];

/**
 * What the season board shows of a whole-county publication: null when the actor may not
 * start one (only the county's own reviewers may); else how many reports it would publish
 * and the actor's latest such job for the county and year (its progress after a reload).
 */
export async function loadCountyPublication(
  actor: Actor,
  countyId: string | null,
  year: number,
): Promise<{ publishable: number; job: JobView | null } | null> {
  if (countyId === null || !can(actor, "season.publishReports", await loadOrganizationScope(countyId))) return null;
  const [targets, job] = await Promise.all([
    listPublishableReports(countyId, year),
    latestOwnJob(actor, KIND, countyId, year),
  ]);
  return { publishable: targets.length, job };
}
