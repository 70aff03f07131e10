import "server-only";
import type { BackgroundJobFile } from "@/lib/generated/prisma/client";
import { parseReadingSummary } from "@/lib/import";
import { importBatchFile, prepareBatch, type BatchFile, type BatchFileResult } from "@/lib/reports/import-report-batch";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { jobDetailOf, jobDetailSchema, recordProgress, runJobAttempt, startJob, type JobView } from "./background-job";
import { latestOwnJobAmong } from "./follow-job";
import { jobKinds, type QueueJob } from "./job-queue";

const KIND = "batch-import";

export type StartBatchImportInput = { countyId: string; files: readonly BatchFile[]; today: Date };

/**
 * An administrator's batch import (lib/reports/import-report-batch.ts) as a job of the queue:
 * reading a county's files takes a reading-pool slot each, seconds apiece, so it runs on
 * whichever app instance takes it. What refuses the batch as a whole (the policy, the county,
 * the number and size of the files) is answered now; the files are stored with the job's row
 * (BackgroundJobFile) and the job is queued. Each upload is its own job, even while another
 * of the county is under way (two files of one body and year: the later one is skipped).
 */
export const startBatchImport = defineOperation({
  name: "startBatchImport",
  action: "admin.importBatch",
  authorize: async (actor: Actor, _input: StartBatchImportInput) => authorize(actor, "admin.importBatch", null),
  run: async (_authorized, actor, input): Promise<JobView> => {
    const { county, currentYear } = await prepareBatch(input);
    const on = { organizationId: county.id, year: currentYear };
    return startJob(
      KIND,
      actor,
      on,
      async () => ({
        targets: [],
        items: [],
        files: input.files.map((file) => ({ fileName: file.fileName })),
        fileResults: [],
      }),
      { files: input.files, startAnother: true },
    );
  },
});

/**
 * The job body: each file not yet answered, in the upload's order, read in the reading pool
 * and imported as the administrator is now, its result recorded at once (n/m). A retry goes
 * on after the last recorded result, and a file whose ReportImport (its id fixed at upload)
 * already exists was imported by an attempt that stopped before recording it: it is answered
 * from that import, never imported again. A full reading pool fails the attempt (the queue
 * tries again later). The stored bytes are deleted once every file is answered or the job is
 * refused; a job that failed keeps them for 重试.
 */
export async function runBatchImport(job: QueueJob<unknown>): Promise<void> {
  await runJobAttempt(
    job,
    "runBatchImport",
    async (row, actor) => {
      const detail = jobDetailOf(row, jobDetailSchema);
      const results = [...(detail.fileResults ?? [])];
      const total = detail.files?.length ?? 0;
      authorize(actor, "admin.importBatch", null);
      const stored = await db.backgroundJobFile.findMany({
        where: { jobId: row.id, position: { gte: results.length } },
        orderBy: { position: "asc" },
      });
      if (stored.length < total - results.length) return { refusal: "上传的文件已不在，请重新上传后导入" };
      if (stored.length > 0) {
        const batch = await prepareBatch({ countyId: row.organizationId, files: stored, today: row.createdAt });
        for (const file of stored) {
          results.push(
            (await importedEarlier(file)) ??
              (await importBatchFile(actor, batch, file, { importId: file.importId, whenBusy: "throw" })),
          );
          await recordProgress(row.id, { ...detail, fileResults: results });
        }
      }
      await deleteStoredFiles(row);
      return { ...detail, fileResults: results };
    },
    { whenRefused: deleteStoredFiles },
  );
}

const deleteStoredFiles = (job: { id: string }) => db.backgroundJobFile.deleteMany({ where: { jobId: job.id } });

/** The result of a file an earlier attempt imported (its ReportImport exists), or null. */
async function importedEarlier(file: BackgroundJobFile): Promise<BatchFileResult | null> {
  const earlier = await db.reportImport.findUnique({
    where: { id: file.importId },
    select: { reading: true, report: { select: { id: true, year: true, organization: { select: { name: true } } } } },
  });
  if (!earlier) return null;
  const summary = parseReadingSummary(earlier.reading, file.importId);
  return {
    fileName: file.fileName,
    outcome: "imported",
    reason: null,
    organizationName: earlier.report.organization.name,
    year: earlier.report.year,
    layoutId: summary.layoutId,
    reportId: earlier.report.id,
    problemCount: summary.problems.length,
  };
}

export const batchImportRetries = jobKinds[KIND];

/** The administrator's last batch import as the import page shows it: the job, its county, when it was uploaded. */
export type LastBatchImport = { job: JobView; countyName: string; startedAt: Date };

/**
 * The actor's latest batch import into one of the counties the page offers them (its progress
 * while it runs, each file's result once it is over), for the import page after a reload; or
 * null. A batch into a county no longer offered (retired, out of the actor's scope) is not shown.
 */
export async function loadLastBatchImport(
  actor: Actor,
  counties: readonly { id: string; name: string }[],
): Promise<LastBatchImport | null> {
  const latest = await latestOwnJobAmong(
    actor,
    KIND,
    counties.map((county) => county.id),
  );
  const county = latest && counties.find((choice) => choice.id === latest.organizationId);
  return latest && county ? { job: latest.job, countyName: county.name, startedAt: latest.startedAt } : null;
}
