import "server-only";
import { z } from "zod";
import { authorizeReport, type AuthorizedReport } from "@/lib/reports/authorize-report";
import { confirmImportInput } from "@/lib/reports/confirm-imported-report";
import { checkPublication, publishReportInput } from "@/lib/reports/publish-report";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { jobDetailOf, jobDetailSchema, runJobAttempt, startJob, type JobView } from "./background-job";
import { unfinishedOwnJob } from "./follow-job";
import { jobKinds, type QueueJob } from "./job-queue";
import { publicationRequestSchema, publishOne } from "./publish-county-reports";

const KIND = "report-publish";

export const startReportPublicationInput = publishReportInput;
export type StartReportPublicationInput = z.infer<typeof publishReportInput> & { now?: Date };

/** A job's detail with the reviewer's choices, kept for every attempt. */
const reportPublicationDetailSchema = jobDetailSchema.extend({ request: publicationRequestSchema });

type ReportPublicationDetail = z.infer<typeof reportPublicationDetailSchema>;

/**
 * Publishing one report as a job of the queue (rendering its PDF and DOCX takes seconds, so
 * it runs on whichever app instance takes it, retried there). Everything that can refuse it
 * is asked now, before anything is queued: the policy, the report's state and version, the
 * 更正说明 and the dates (publish-report.ts checkPublication). The job body asks all of it
 * again, as the reviewer is then. While one is under way for the report, that one is answered.
 */
export const startReportPublication = definePublicationJob("startReportPublication", "publish");

export const startImportConfirmationInput = confirmImportInput;

/**
 * 确认导入并发布 (or 确认更正并发布) as the same job: an imported report a county reviewer
 * confirmed against its source file is published as read along the `confirmImport` row
 * (lib/reports/confirm-imported-report.ts says what it means), with the same checks before
 * anything is queued and again in the job, the same progress and the same page after a reload.
 */
export const startImportConfirmation = definePublicationJob("startImportConfirmation", "confirmImport");

/** The operation that queues a report's publication along one of the rows that publish, the policy asked about that row. */
function definePublicationJob<T extends "publish" | "confirmImport">(name: string, transition: T) {
  return defineOperation({
    name,
    action: "report.transition",
    authorize: (actor: Actor, input: StartReportPublicationInput) =>
      authorizeReport(actor, "report.transition", input.reportId, { transition }),
    run: (authorized, actor, input) => startPublicationJob(authorized, actor, transition, input),
  });
}

/** The report's publication job along `transition`, once checkPublication found nothing to refuse. */
async function startPublicationJob<T extends "publish" | "confirmImport">(
  authorized: AuthorizedReport<T>,
  actor: Actor,
  transition: T,
  input: StartReportPublicationInput,
): Promise<JobView> {
  const { report } = authorized;
  // A report is its organization's for the year (Report @@unique([organizationId, year])).
  return startJob(KIND, actor, report, async () => {
    await checkPublication(authorized, input);
    const organization = await db.organization.findUniqueOrThrow({
      where: { id: report.organizationId },
      select: { name: true },
    });
    const detail: ReportPublicationDetail = {
      targets: [{ reportId: report.id, organizationName: organization.name }],
      items: [],
      request: {
        expectedVersion: input.expectedVersion,
        correctionNote: input.correctionNote,
        documentDate: input.documentDate,
        transition,
      },
    };
    return detail;
  });
}

/**
 * The job body: the report published as the reviewer chose (the version they saw, the
 * 更正说明, the 成文日期, along `publish` or `confirmImport`), as the reviewer is now. Published once even when an attempt stopped
 * after publishing (publish-county-reports.ts publishOne); a refusal (the report changed, was
 * published by another, the reviewer may no longer) fails the job with its reason, not retried.
 */
export async function runReportPublication(job: QueueJob<unknown>): Promise<void> {
  await runJobAttempt(job, "runReportPublication", async (row, actor) => {
    const detail = jobDetailOf(row, reportPublicationDetailSchema);
    const [target] = detail.targets;
    if (!target) throw new Error(`report publication job ${row.id} has no report`);
    const item = await publishOne(actor, target, row.createdAt, detail.request);
    if (item.outcome === "skipped") return { refusal: item.reason ?? "报告未发布" };
    return { ...detail, items: [item] };
  });
}

export const reportPublicationRetries = jobKinds[KIND];

/** The actor's publication job of the report still under way or failed (its page after a reload), or null. */
export function loadReportPublicationJob(
  actor: Actor,
  report: { organizationId: string; year: number },
): Promise<JobView | null> {
  return unfinishedOwnJob(actor, KIND, report.organizationId, report.year);
}
