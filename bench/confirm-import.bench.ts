/**
 * What 确认导入并发布 costs the reviewer's request: `npm run bench -- confirm-import`.
 *
 * On a throw-away PostgreSQL (migrated, demo data loaded), clerks of 阳城县 import earlier
 * years' reports (lib/reports/import-history-report.ts), each awaiting its confirmation. The
 * county reviewer then confirms them one after another, alternating the two ways: published in
 * the request (lib/reports/confirm-imported-report.ts, rendering PDF and DOCX in the render
 * pool before answering) and queued as the report's publication job
 * (lib/jobs/publish-report-job.ts startImportConfirmation, answered once the checks passed).
 * No worker runs meanwhile, so the queued jobs wait; then this process's workers take them, and
 * the time until every one is published is printed too. Prints the median and p95 of each
 * way and their ratio (same run, same machine). Not a test: prints figures, asserts nothing.
 */
import { performance } from "node:perf_hooks";
import { allowServerOnlyModules } from "../scripts/lib/allow-server-only";

// Plain Node with the server-only marker made empty (react-dom/server, which renders the
// publication's HTML, refuses the react-server condition); the server modules come after.
allowServerOnlyModules();

const { randomBytes } = await import("node:crypto");
const { adaptedSeedReport } = await import("../fixtures/import/adapted-seed-report");
const { seedDemo } = await import("../prisma/seed/seed-demo");
const { applyMigrations } = await import("../scripts/lib/migrate");
const { createScriptClient } = await import("../scripts/lib/prisma-client");
const { startThrowawayServer } = await import("../scripts/lib/throwaway-database");

/** Confirmations timed each way (plus one in the request first, to warm the render pool). */
const RUNS = 10;
const CLERKS = [
  ["fengcheng", "凤城镇人民政府"],
  ["beiliu", "北留镇人民政府"],
  ["baisang", "白桑乡人民政府"],
  ["dongfeng", "董封乡人民政府"],
] as const;
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

function quantile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

const database = await startThrowawayServer(process.env.DATABASE_URL);
const databaseUrl = await database.createDatabase(`nianbao_bench_confirm_${process.pid}`);
await applyMigrations(databaseUrl);
const client = createScriptClient(databaseUrl);
await seedDemo(client, { withPublishedReports: false });
process.env.DATABASE_URL = databaseUrl;
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");

const { actorFor } = await import("../lib/reports/testing/clerk-steps");
const { importHistoryReport } = await import("../lib/reports/import-history-report");
const { confirmImportedReport } = await import("../lib/reports/confirm-imported-report");
const { startImportConfirmation } = await import("../lib/jobs/publish-report-job");
const { startJobWorkers } = await import("../lib/jobs/start-job-workers");
const { stopJobQueue } = await import("../lib/jobs/job-queue");
const { sharedRenderPool } = await import("../lib/render/render-in-worker");

try {
  const encoder = new TextEncoder();
  const waiting: string[] = [];
  for (const [username, organizationName] of CLERKS) {
    const clerk = await actorFor(username);
    for (const year of YEARS) {
      if (waiting.length === 2 * RUNS + 1) break;
      const imported = await importHistoryReport(clerk, {
        organizationId: clerk.organizationId!,
        fileName: `${organizationName}${year}.txt`,
        bytes: encoder.encode(adaptedSeedReport({ organizationName, year })),
        today: new Date(),
        confirmOrganization: false,
      });
      waiting.push(imported.reportId);
    }
  }
  if (waiting.length < 2 * RUNS + 1) throw new Error(`only ${waiting.length} imports to confirm`);

  const reviewer = await actorFor("yangcheng-review");
  const confirmation = (reportId: string) => ({ reportId, expectedVersion: 1 });
  await confirmImportedReport(reviewer, confirmation(waiting[0]!));

  const inRequest: number[] = [];
  const queued: number[] = [];
  const jobIds: string[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let started = performance.now();
    await confirmImportedReport(reviewer, confirmation(waiting[1 + 2 * run]!));
    inRequest.push(performance.now() - started);
    started = performance.now();
    jobIds.push((await startImportConfirmation(reviewer, confirmation(waiting[2 + 2 * run]!))).id);
    queued.push(performance.now() - started);
  }

  const workStarted = performance.now();
  await startJobWorkers();
  for (;;) {
    const open = await client.backgroundJob.count({ where: { id: { in: jobIds }, state: { not: "SUCCEEDED" } } });
    if (open === 0) break;
    const failed = await client.backgroundJob.count({ where: { id: { in: jobIds }, state: "FAILED" } });
    if (failed > 0) throw new Error(`${failed} confirmation jobs failed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const workMs = performance.now() - workStarted;
  const published = await client.report.count({ where: { id: { in: waiting }, status: "PUBLISHED" } });

  const line = (name: string, values: number[]) =>
    `${name.padEnd(28)} median ${quantile(values, 0.5).toFixed(0).padStart(5)} ms   p95 ${quantile(values, 0.95)
      .toFixed(0)
      .padStart(5)} ms`;
  console.log(`确认导入并发布, ${RUNS} confirmations each way (reviewer's request until its answer):`);
  console.log(line("published in the request", inRequest));
  console.log(line("queued as a job", queued));
  console.log(
    `ratio queued / in the request: median ${(quantile(queued, 0.5) / quantile(inRequest, 0.5)).toFixed(3)}, ` +
      `p95 ${(quantile(queued, 0.95) / quantile(inRequest, 0.95)).toFixed(3)}`,
  );
  console.log(
    `the ${RUNS} queued jobs published by this process's worker in ${(workMs / 1000).toFixed(1)} s ` +
      `(${(workMs / RUNS).toFixed(0)} ms each, ${(workMs / RUNS / quantile(inRequest, 0.5)).toFixed(2)} × a request's publication); ` +
      `${published} of ${waiting.length} imports published`,
  );
} finally {
  await stopJobQueue(10_000).catch(() => undefined);
  await sharedRenderPool()
    .destroy()
    .catch(() => undefined);
  await client.$disconnect();
  await database.stop();
}
// The reading pool's threads (the imports) would keep the process alive.
process.exit(0);
