/**
 * How long the season board takes for a county of 60 units with five years of reports each:
 * `npm run bench -- board`.
 *
 * Starts a throw-away PostgreSQL with the migrations and writes a county of 60 towns, each
 * with reports for 2021–2025: the earlier four published, 2025 in every state (published,
 * approved, submitted, returned with the reviewer's snapshot, draft, a few not started), with
 * open comments. Then bench/support/season-board-timing.ts, in a child process with the
 * `react-server` condition (the board is server-only code, as the app runs it), times
 * `buildSeasonBoard` in-process: the server-side work of the board page and its exports
 * (queries and rule runs), without the HTTP round trip. Not a test: it prints figures.
 *
 * The reports are written directly (one createMany per table, not through the operations,
 * which would render 260 PDFs): the template's sample data (lib/report-data/sample-report-data.ts),
 * every publication the same real rendering (the board reads only a publication's dates).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chinaDay, toDateColumn } from "../lib/format/calendar-day";
import type { Prisma, ReportStatus } from "../lib/generated/prisma/client";
import { createHash } from "node:crypto";
import { renderReportHtml } from "../lib/render/html/render-report-html";
import { renderReportPdf } from "../lib/render/pdf/render-report-pdf";
import { toReportView } from "../lib/render/to-report-view";
import { sampleReportData } from "../lib/report-data/sample-report-data";
import { layoutForYear } from "../lib/template";
import { createAccount } from "../prisma/seed/create-account";
import { applyMigrations } from "../scripts/lib/migrate";
import { createScriptClient } from "../scripts/lib/prisma-client";
import { startThrowawayServer } from "../scripts/lib/throwaway-database";

const root = path.resolve(import.meta.dirname, "..");
const UNITS = 60;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const BOARD_YEAR = 2025;
// 2025's states, in turn: 20 published, 10 approved, 10 submitted, 8 returned, 8 drafts, 4 not started.
const states: (ReportStatus | null)[] = [
  ...Array<ReportStatus>(20).fill("PUBLISHED"),
  ...Array<ReportStatus>(10).fill("APPROVED"),
  ...Array<ReportStatus>(10).fill("SUBMITTED"),
  ...Array<ReportStatus>(8).fill("RETURNED"),
  ...Array<ReportStatus>(8).fill("DRAFT"),
  ...Array<null>(4).fill(null),
];

async function writeCounty(db: ReturnType<typeof createScriptClient>): Promise<string> {
  const setupStarted = performance.now();
  const county = await db.organization.create({ data: { name: "基准县", kind: "COUNTY" }, select: { id: true } });
  const reviewer = await createAccount(db, {
    username: "bench-review",
    name: "基准县 审核员",
    role: "REVIEWER",
    organizationId: county.id,
    password: "bench-password-not-used",
    mustChangePassword: false,
  });
  const unitNames = Array.from({ length: UNITS }, (_, index) => `基准${String(index + 1).padStart(2, "0")}镇人民政府`);
  await db.organization.createMany({
    data: unitNames.map((name) => ({ name, kind: "TOWN" as const, parentId: county.id })),
  });
  const units = await db.organization.findMany({ where: { parentId: county.id }, select: { id: true, name: true } });

  const sample = sampleReportData(layoutForYear(2024)!);
  const view = toReportView(layoutForYear(2024)!, sample, {
    organizationName: unitNames[0]!,
    year: 2024,
    publishedAt: "2025-01-20",
    version: 1,
  });
  const pdf = await renderReportPdf(view);
  const rendered = {
    html: await renderReportHtml(view),
    pdf,
    pdfSha256: createHash("sha256").update(pdf).digest("hex"),
  };

  const reports: Prisma.ReportCreateManyInput[] = [];
  for (const [index, unit] of units.entries())
    for (const year of YEARS) {
      const status = year === BOARD_YEAR ? states[index % states.length]! : "PUBLISHED";
      if (status === null) continue;
      const layout = layoutForYear(year)!;
      reports.push({
        organizationId: unit.id,
        year,
        templateId: layout.id,
        templateVersion: layout.version,
        status,
        data: JSON.parse(JSON.stringify(sampleReportData(layout))) as Prisma.InputJsonObject,
        version: 3,
        submittedAt: status === "DRAFT" ? null : new Date(`${year + 1}-01-1${index % 10}T02:00:00Z`),
        publishedAt: status === "PUBLISHED" ? new Date(`${year + 1}-01-2${index % 10}T02:00:00Z`) : null,
      });
    }
  await db.report.createMany({ data: reports });
  const stored = await db.report.findMany({
    where: { organization: { parentId: county.id } },
    select: { id: true, status: true, data: true, templateId: true, templateVersion: true, publishedAt: true },
  });
  await db.publication.createMany({
    data: stored
      .filter((report) => report.status === "PUBLISHED")
      .map((report) => ({
        reportId: report.id,
        sequence: 1,
        templateId: report.templateId,
        templateVersion: report.templateVersion,
        data: report.data as Prisma.InputJsonObject,
        html: rendered.html,
        pdf: new Uint8Array(rendered.pdf),
        pdfSha256: rendered.pdfSha256,
        publishedById: reviewer.id,
        publishedAt: report.publishedAt!,
        publicationDate: toDateColumn(chinaDay(report.publishedAt!)),
      })),
  });
  await db.reportRevision.createMany({
    data: stored
      .filter((report) => report.status === "RETURNED")
      .map((report) => ({
        reportId: report.id,
        version: 3,
        status: "RETURNED" as const,
        data: report.data as Prisma.InputJsonObject,
        authorId: reviewer.id,
      })),
  });
  await db.reviewComment.createMany({
    data: stored
      .filter((report) => report.status === "SUBMITTED" || report.status === "RETURNED")
      .map((report) => ({
        reportId: report.id,
        target: "t3",
        body: "请核对。",
        reportVersion: 3,
        authorId: reviewer.id,
      })),
  });
  console.log(
    `set-up: ${UNITS} units, ${reports.length} reports over ${YEARS.length} years in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
  );

  return county.id;
}
const database = await startThrowawayServer(process.env.DATABASE_URL);
let status = 1;
try {
  const databaseUrl = await database.createDatabase(`nianbao_bench_board_${process.pid}`);
  await applyMigrations(databaseUrl);
  const client = createScriptClient(databaseUrl);
  const countyId = await writeCounty(client);
  await client.$disconnect();
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      path.join("bench", "support", "season-board-timing.ts"),
      countyId,
    ],
    {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        NODE_ENV: "production",
      },
    },
  );
  status = result.status ?? 1;
} finally {
  await database.stop();
}
process.exit(status);
