import "server-only";
import { z } from "zod";
import {
  authorizeSummaryPublication,
  checkSummaryPublication,
  publishCountySummary,
  publishCountySummaryInput,
  type PublishCountySummaryInput,
} from "@/lib/reports/publish-county-summary";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { jobDetailOf, publishedVersionDetailSchema, runJobAttempt, startJob, type JobView } from "./background-job";
import { unfinishedOwnJob } from "./follow-job";
import { jobKinds, type QueueJob } from "./job-queue";

const KIND = "summary-publish";

export const startSummaryPublicationInput = publishCountySummaryInput;

/** What the publisher confirmed (the 样稿's content, the 更正说明), kept for every attempt; `sequence` once published. */
const summaryPublicationDetailSchema = publishedVersionDetailSchema.extend({
  request: publishCountySummaryInput.pick({ expectedContent: true, correctionNote: true }),
});

type SummaryPublicationDetail = z.infer<typeof summaryPublicationDetailSchema>;

/**
 * Publishing the county's summary as a job of the queue (rendering its PDF runs on whichever
 * app instance takes it). What can refuse it is asked now, before anything is queued: the
 * policy, nothing to sum, the dates, a summary changed since the confirmed 样稿, a missing
 * 更正说明 (publish-county-summary.ts checkSummaryPublication); the job body asks it all
 * again through publishCountySummary, as the publisher is then. While one is under way for
 * the county and year, that one is answered.
 */
export const startSummaryPublication = defineOperation({
  name: "startSummaryPublication",
  action: "summary.publish",
  authorize: (actor: Actor, input: PublishCountySummaryInput) => authorizeSummaryPublication(actor, input.countyId),
  run: async (countyId, actor, input): Promise<JobView> => {
    return startJob(KIND, actor, { organizationId: countyId, year: input.year }, async () => {
      await checkSummaryPublication(actor, countyId, input);
      const detail: SummaryPublicationDetail = {
        targets: [],
        items: [],
        request: { expectedContent: input.expectedContent, correctionNote: input.correctionNote },
      };
      return detail;
    });
  },
});

/**
 * The job body: the summary published as confirmed, as the publisher is now. An attempt that
 * published and stopped before recording so is recognised by the version it left (the same
 * content, by the same publisher, since the job started), so a retry never publishes twice;
 * a refusal (the summary changed, another published first) fails the job with its reason
 * (background-job.ts runJobAttempt).
 */
export async function runSummaryPublication(job: QueueJob<unknown>): Promise<void> {
  await runJobAttempt(job, "runSummaryPublication", async (row, actor) => {
    const detail = jobDetailOf(row, summaryPublicationDetailSchema);
    const earlier = await db.countySummaryPublication.findFirst({
      where: {
        countyId: row.organizationId,
        year: row.year,
        contentSha256: detail.request.expectedContent,
        publishedById: actor?.userId ?? "",
        publishedAt: { gte: row.createdAt },
      },
      select: { sequence: true },
    });
    if (earlier) return { ...detail, sequence: earlier.sequence };
    const published = await publishCountySummary(actor, {
      countyId: row.organizationId,
      year: row.year,
      ...detail.request,
    });
    return { ...detail, sequence: published.sequence };
  });
}

export const summaryPublicationRetries = jobKinds[KIND];

/** The actor's summary publication job of the county and year still under way or failed (the panel after a reload), or null. */
export function loadSummaryPublicationJob(actor: Actor, countyId: string, year: number): Promise<JobView | null> {
  return unfinishedOwnJob(actor, KIND, countyId, year);
}
