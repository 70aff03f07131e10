/**
 * The administrator's batch import as a job of the queue against a real PostgreSQL (pg-boss in
 * the test database's schema pgboss, the real reading pool): what refuses the batch is refused
 * before anything is stored or queued; the files are stored with the job, read and imported
 * in it with progress n/m, answered one result per file, and their bytes deleted at the end;
 * a file an attempt imported before it stopped is not imported again on retry; the import page
 * finds the administrator's last batch again (under way or with its results), nobody else's.
 */
import { describe, expect, it } from "vitest";
import { adaptedSeedReport } from "@/fixtures/import/adapted-seed-report";
import { failureOf } from "@/lib/reports/testing/review-database";
import { setUpJobDatabase, waitForJob, type JobProgress } from "./testing/job-database";

const modules = setUpJobDatabase("nianbao_jobs_batch_import", async () => ({
  jobs: await import("./import-batch-job"),
  batch: await import("@/lib/reports/import-report-batch"),
  counties: await import("@/lib/organizations/list-import-counties"),
}));

const encoder = new TextEncoder();
const textFile = (organizationName: string, year: number) =>
  encoder.encode(adaptedSeedReport({ organizationName, year }));

/** Follows the job as the administrator until it is over, keeping each label seen once. */
async function waitForEnd(jobId: string, labels: string[] = []): Promise<JobProgress> {
  const seen: JobProgress[] = [];
  const view = await waitForJob(modules, await modules.steps.actorFor("admin"), jobId, undefined, seen);
  for (const { label } of seen) if (labels.at(-1) !== label) labels.push(label);
  return view;
}

/** The administrator, 阳城县 (the county of every batch here) and the day of the upload. */
async function adminOfYangcheng() {
  const { steps } = modules;
  return {
    admin: await steps.actorFor("admin"),
    countyId: await steps.organizationIdNamed("阳城县"),
    today: new Date(),
  };
}

const storedFiles = (jobId: string) => modules.db.backgroundJobFile.count({ where: { jobId } });

describe("the batch import as a job", () => {
  it("refuses before storing anything, then imports each file in the job with its result", async () => {
    const { db, steps, jobs, follow } = modules;
    const { admin, countyId, today } = await adminOfYangcheng();
    const files = [
      { fileName: "凤城镇2024.txt", bytes: textFile("凤城镇人民政府", 2024) },
      { fileName: "北留镇2024.txt", bytes: textFile("阳城县北留镇", 2024) },
      { fileName: "北留镇2024-副本.txt", bytes: textFile("北留镇人民政府", 2024) },
      { fileName: "图片.txt", bytes: new Uint8Array(2048).map((_, index) => (index * 31) % 256) },
    ];

    // Refused at once, nothing stored or queued: a reviewer, a township instead of a county,
    // too many files.
    const reviewer = await failureOf(
      jobs.startBatchImport(await steps.actorFor("yangcheng-review"), { countyId, files, today }),
    );
    expect(reviewer.code).toBe("FORBIDDEN");
    const township = await failureOf(
      jobs.startBatchImport(admin, { countyId: await steps.organizationIdNamed("凤城镇人民政府"), files, today }),
    );
    expect(township.userMessage).toBe("请选择一个县（区）。");
    const tooMany = await failureOf(
      jobs.startBatchImport(admin, { countyId, files: Array.from({ length: 21 }, () => files[0]!), today }),
    );
    expect(tooMany.userMessage).toContain("一次最多导入 20 个文件");
    expect(await db.backgroundJob.count({ where: { kind: "batch-import" } })).toBe(0);
    expect(await db.backgroundJobFile.count()).toBe(0);
    const offered = await modules.counties.listImportCounties(admin);
    expect(await jobs.loadLastBatchImport(admin, offered)).toBeNull();

    const started = await jobs.startBatchImport(admin, { countyId, files, today });
    expect(started).toMatchObject({ state: "QUEUED", total: 4, fileResults: [] });
    // Another user does not see the job.
    const other = await steps.actorFor("yangcheng-review");
    expect((await failureOf(follow.readJobProgress(other, { jobId: started.id }))).code).toBe("NOT_FOUND");

    const labels: string[] = [];
    const finished = await waitForEnd(started.id, labels);
    expect(finished).toMatchObject({
      state: "SUCCEEDED",
      done: 4,
      total: 4,
      label: "导入完成：共 4 个文件，各文件的结果见下。",
    });
    expect(finished.fileResults.map((result) => [result.fileName, result.outcome, result.organizationName])).toEqual([
      ["凤城镇2024.txt", "imported", "凤城镇人民政府"],
      ["北留镇2024.txt", "imported", "北留镇人民政府"],
      ["北留镇2024-副本.txt", "skipped", "北留镇人民政府"],
      ["图片.txt", "unreadable", null],
    ]);
    expect(finished.fileResults[2]!.reason).toMatch(/已有 2024 年度报告（已提交）/);
    expect(finished.fileResults[3]!.reason).toMatch(/不是文字/);
    for (const label of labels) expect(label).toMatch(/^(排队中… 0\/4|正在导入… [0-4]\/4|导入完成：共 4 个文件)/);
    // The stored bytes are gone once the job ended.
    expect(await storedFiles(started.id)).toBe(0);
    const imported = await db.reportImport.findMany({
      where: { origin: "adminBatch", importedById: admin.userId },
      select: { fileName: true, report: { select: { status: true } } },
    });
    expect(imported.map((row) => [row.fileName, row.report.status]).sort()).toEqual([
      ["凤城镇2024.txt", "SUBMITTED"],
      ["北留镇2024.txt", "SUBMITTED"],
    ]);

    // After a reload the page shows the finished batch with each file's result, to its starter only,
    // and only among the counties it offers.
    const last = await jobs.loadLastBatchImport(admin, offered);
    expect(last).toMatchObject({ countyName: "阳城县", job: { id: started.id, state: "SUCCEEDED", done: 4 } });
    expect(last?.job.fileResults.map((result) => result.outcome)).toEqual([
      "imported",
      "imported",
      "skipped",
      "unreadable",
    ]);
    expect(await jobs.loadLastBatchImport(other, offered)).toBeNull();
    expect(
      await jobs.loadLastBatchImport(
        admin,
        offered.filter((county) => county.id !== countyId),
      ),
    ).toBeNull();
  }, 120_000);

  it("does not import again a file an earlier attempt imported before it stopped", async () => {
    const { db, jobs, queue, workers, batch } = modules;
    const { admin, countyId, today } = await adminOfYangcheng();
    const files = [
      { fileName: "白桑乡2023.txt", bytes: textFile("白桑乡人民政府", 2023) },
      { fileName: "董封乡2022.txt", bytes: textFile("董封乡人民政府", 2022) },
    ];

    // No worker takes the job until its first file was imported the way an attempt does it,
    // with the file's fixed import id, and the attempt stopped before recording the result.
    await queue.stopJobQueue(10_000);
    const started = await jobs.startBatchImport(admin, { countyId, files, today });
    // Another batch of the county meanwhile is a job of its own, its files stored apart.
    const second = await jobs.startBatchImport(admin, { countyId, files: [files[1]!], today });
    expect(second.id).not.toBe(started.id);
    // The page shows the latest upload, still waiting for a worker (the form follows it from there).
    const offered = await modules.counties.listImportCounties(admin);
    expect(await jobs.loadLastBatchImport(admin, offered)).toMatchObject({
      job: { id: second.id, state: "QUEUED", label: "排队中… 0/1", fileResults: [] },
    });
    expect([await storedFiles(started.id), await storedFiles(second.id)]).toEqual([2, 1]);
    const [first] = await db.backgroundJobFile.findMany({ where: { jobId: started.id }, orderBy: { position: "asc" } });
    const prepared = await batch.prepareBatch({ countyId, files: [first!], today });
    const earlier = await batch.importBatchFile(admin, prepared, first!, { importId: first!.importId });
    expect(earlier.outcome).toBe("imported");
    await workers.startJobWorkers();

    const finished = await waitForEnd(started.id);
    expect(finished.state).toBe("SUCCEEDED");
    expect(finished.fileResults.map((result) => [result.fileName, result.outcome, result.reportId])).toEqual([
      ["白桑乡2023.txt", "imported", earlier.reportId],
      ["董封乡2022.txt", "imported", expect.any(String)],
    ]);
    expect(await db.reportImport.count({ where: { fileName: "白桑乡2023.txt" } })).toBe(1);
    expect(await storedFiles(started.id)).toBe(0);
    // The same file in the other batch: whichever job came second skipped it, never imported twice.
    const other = await waitForEnd(second.id);
    expect(other.fileResults.map((result) => result.outcome)).toEqual(["skipped"]);
    expect(await db.reportImport.count({ where: { fileName: "董封乡2022.txt" } })).toBe(1);
  }, 120_000);
});
