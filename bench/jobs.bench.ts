/**
 * The web tier while a heavy job runs: `npm run bench -- jobs`.
 *
 * The production app on a throw-away PostgreSQL (migrations, demo data) and a county of 12
 * approved reports. First a signed-out page Next.js renders on every request (`/login`) is
 * loaded alone (autocannon, 10 connections, 15 s); then a whole-county publication (一键发布,
 * lib/jobs/publish-county-reports.ts) is started from this process, as another app instance
 * would send it, and taken by the app's own worker, while the same load runs again (the job
 * outlasts it: how far it got is printed). Prints req/s, p50 and p99 of both runs and their ratio, the job's duration
 * and reports per second, and the app's resident memory before and after. Figures only; it
 * asserts nothing.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { DEMO_PASSWORD } from "../prisma/seed/demo-organizations";
import { seedDemo } from "../prisma/seed/seed-demo";
import { allowServerOnlyModules } from "../scripts/lib/allow-server-only";
import { startAppServer } from "../scripts/lib/app-server";
import { applyMigrations } from "../scripts/lib/migrate";
import { buildIfChanged } from "../scripts/lib/next-build";
import { findFreePort } from "../scripts/lib/postgres";
import { createScriptClient } from "../scripts/lib/prisma-client";
import { startThrowawayServer } from "../scripts/lib/throwaway-database";

const REPORTS = 12;
const CONNECTIONS = 10;
const LOAD_SECONDS = 15;

type Figures = { rate: number; p50: number; p99: number; failures: number };

function show(figures: Figures): string {
  return (
    `${figures.rate.toFixed(0).padStart(5)} req/s p50 ${String(figures.p50).padStart(4)} ms p99 ${String(figures.p99).padStart(5)} ms` +
    (figures.failures ? ` (${figures.failures} failed)` : "")
  );
}

function toFigures(result: autocannon.Result): Figures {
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** The app process's resident memory (MiB), from /proc. */
function residentMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

const database = await startThrowawayServer(process.env.DATABASE_URL);
let app: Awaited<ReturnType<typeof startAppServer>> | undefined;
try {
  const databaseUrl = await database.createDatabase(`nianbao_bench_jobs_${process.pid}`);
  await applyMigrations(databaseUrl);
  const client = createScriptClient(databaseUrl);
  await seedDemo(client);
  await client.$disconnect();
  const authSecret = randomBytes(32).toString("base64url");
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET = authSecret;
  await buildIfChanged(databaseUrl, authSecret);
  app = await startAppServer({ port: await findFreePort(), databaseUrl, authSecret, quiet: true });

  allowServerOnlyModules();
  const { seedSeasonCounty } = await import("../lib/reports/testing/season-county");
  const { actorFor } = await import("../lib/reports/testing/clerk-steps");
  const { publishCountyReports } = await import("../lib/jobs/publish-county-reports");
  const { db } = await import("../lib/server/db");
  const { stopJobQueue } = await import("../lib/jobs/job-queue");
  const year = new Date().getUTCFullYear() - 1;
  const county = await seedSeasonCounty({
    countyName: "任务基准县",
    reviewerUsername: "jobs-bench-review",
    password: DEMO_PASSWORD,
    year,
    units: Array.from({ length: REPORTS }, (_, index) => ({
      name: `任务基准${index + 1}镇人民政府`,
      clerkUsername: `jobs-bench-clerk${index + 1}`,
      state: "APPROVED" as const,
    })),
  });
  const url = `${app.url}/login`;
  // Warm: the page compiled and cached by Next, the render pool started.
  await autocannon({ url, connections: 2, duration: 2 });
  const memoryBefore = residentMiB(app.process.pid!);
  const idle = toFigures(await autocannon({ url, connections: CONNECTIONS, duration: LOAD_SECONDS }));

  const reviewer = await actorFor("jobs-bench-review");
  const started = performance.now();
  const job = await publishCountyReports(reviewer, county.countyId, { year });
  // The same load at once, while the worker publishes (12 reports take longer than the run).
  const busy = toFigures(await autocannon({ url, connections: CONNECTIONS, duration: LOAD_SECONDS }));
  const duringLoad = await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
  let row = duringLoad;
  while (row.state !== "SUCCEEDED" && row.state !== "FAILED") {
    await new Promise((resolve) => setTimeout(resolve, 100));
    row = await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
  }
  const seconds = (performance.now() - started) / 1000;
  const memoryAfter = residentMiB(app.process.pid!);

  console.log(`一键发布 ${REPORTS} 份报告（${CONNECTIONS} 个并发连接请求 /login）：`);
  console.log(`  空闲时     ${show(idle)}`);
  console.log(`  任务运行时 ${show(busy)}（测量结束时已发布 ${duringLoad.done}/${duringLoad.total} 份）`);
  console.log(`  比值       ${(busy.rate / idle.rate).toFixed(2)}（任务运行时 / 空闲时 req/s）`);
  console.log(
    `  任务 ${row.state}：${row.done}/${row.total} 份，${seconds.toFixed(1)} s（${(row.done / seconds).toFixed(2)} 份/秒）`,
  );
  console.log(`  应用进程内存 ${memoryBefore.toFixed(0)} MiB → ${memoryAfter.toFixed(0)} MiB`);
  await stopJobQueue();
  await db.$disconnect();
} finally {
  await app?.stop();
  await database.stop();
}
