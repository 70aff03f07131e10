/**
 * How long the county summary (全县汇总) takes on the server: `npm run bench -- summary`.
 *
 * On a throw-away PostgreSQL (migrated, demo data loaded), a county of 60 units with five
 * years of reports each (300 reports, every cell filled; four of five years approved or
 * published). Then the server's own work for one year's summary, as the summary page and
 * its downloads call it (lib/reports/load-county-summary.ts: the subtree, the reports, the
 * codec, the sums, the rule engine over each unit and over the sums), and for a county
 * government's report in 全县 mode, the submit gate's run of the rules with the summary
 * (evaluateStoredReport). Runs itself under the react-server condition, as the app's server
 * code runs. Not a test: prints figures, asserts nothing.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";

if (!process.execArgv.some((arg) => arg.includes("react-server"))) {
  const root = path.resolve(import.meta.dirname, "..");
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", import.meta.filename],
    { cwd: root, stdio: "inherit" },
  );
  process.exit(result.status ?? 1);
}

const { randomBytes } = await import("node:crypto");
const { sampleReportData } = await import("../lib/report-data/sample-report-data");
const { withComputedTotals } = await import("../lib/report-data");
const { layoutForYear } = await import("../lib/template");
const { seedDemo } = await import("../prisma/seed/seed-demo");
const { applyMigrations } = await import("../scripts/lib/migrate");
const { createScriptClient } = await import("../scripts/lib/prisma-client");
const { startThrowawayServer } = await import("../scripts/lib/throwaway-database");

const UNITS = 60;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const RUNS = 20;

const database = await startThrowawayServer(process.env.DATABASE_URL);
const databaseUrl = await database.createDatabase(`nianbao_bench_summary_${process.pid}`);
await applyMigrations(databaseUrl);
const client = createScriptClient(databaseUrl);
await seedDemo(client, { withPublishedReports: false });
process.env.DATABASE_URL = databaseUrl;
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");

/** Every cell and text filled, totals computed (its balance may still not hold, as in real reports). */
function filled(layout: NonNullable<ReturnType<typeof layoutForYear>>, organizationName: string, year: number) {
  const data = sampleReportData(layout, { organizationName, year });
  return { ...data, cells: withComputedTotals(layout, data.cells) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

try {
  const county = await client.organization.create({
    data: { name: "汇总基准县", kind: "COUNTY", divisionCode: "149904", countyReportMode: "COUNTY_WIDE" },
  });
  const statuses = ["PUBLISHED", "APPROVED", "PUBLISHED", "SUBMITTED", "PUBLISHED"] as const;
  for (let index = 1; index <= UNITS; index += 1) {
    const unit = await client.organization.create({
      data: { name: `汇总基准${index}镇人民政府`, kind: "TOWN", parentId: county.id },
    });
    await client.report.createMany({
      data: YEARS.map((year) => {
        const layout = layoutForYear(year)!;
        return {
          organizationId: unit.id,
          year,
          templateId: layout.id,
          templateVersion: layout.version,
          status: statuses[index % statuses.length]!,
          data: JSON.parse(JSON.stringify(filled(layout, unit.name, year))),
        };
      }),
    });
  }
  const year = YEARS[YEARS.length - 1]!;
  const layout = layoutForYear(year)!;
  const countyReport = await client.report.create({
    data: {
      organizationId: county.id,
      year,
      templateId: layout.id,
      templateVersion: layout.version,
      data: JSON.parse(JSON.stringify(filled(layout, county.name, year))),
    },
    include: { organization: true },
  });

  const { loadCountySummary } = await import("../lib/reports/load-county-summary");
  const { evaluateStoredReport } = await import("../lib/reports/evaluate-stored-report");
  const { db } = await import("../lib/server/db");
  // The first call reads and judges every report (and opens the pool, compiles the layout);
  // later ones read again only what changed (lib/reports/load-county-summary.ts readings).
  const coldStart = performance.now();
  const warm = await loadCountySummary(county.id, year);
  const coldMs = performance.now() - coldStart;
  await evaluateStoredReport(countyReport);

  const summaryMs: number[] = [];
  const gateMs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let start = performance.now();
    await loadCountySummary(county.id, year);
    summaryMs.push(performance.now() - start);
    start = performance.now();
    await evaluateStoredReport(countyReport);
    gateMs.push(performance.now() - start);
  }
  console.log(
    `county of ${UNITS} units × ${YEARS.length} years (${UNITS * YEARS.length} reports); ${year}: ${warm?.included.length} reports summed, ${warm?.excluded.length} not yet, ${warm?.inconsistentUnits.length} inconsistent`,
  );
  console.log(`summary, first call (every report read and judged, pool opened): ${coldMs.toFixed(1)} ms`);
  console.log(
    `summary (load, sum, rules over each unit and the sums): median ${median(summaryMs).toFixed(1)} ms, max ${Math.max(...summaryMs).toFixed(1)} ms over ${RUNS} runs (aim: under 100 ms)`,
  );
  console.log(
    `county report in 全县 mode, the gate's rule run with the summary: median ${median(gateMs).toFixed(1)} ms, max ${Math.max(...gateMs).toFixed(1)} ms`,
  );
  await db.$disconnect();
} finally {
  await client.$disconnect();
  await database.stop();
}
