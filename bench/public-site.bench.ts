/**
 * The public site under load: `npm run bench -- public-site`.
 *
 * 1. PDF render time (cold first call, then the median of 5 warm calls) and size for a
 *    full report (every cell filled, every narrative field with paragraphs). Aim: < 1.5 s,
 *    < 600 KB.
 * 2. A production `next start` on a throw-away database with one published report, then
 *    autocannon against the published report page and the PDF download: requests per
 *    second, median and p99 latency.
 *
 * The publication is written straight into the database (the bench runs outside the
 * server-only boundary); its snapshot is rendered by the same functions publishing uses.
 * No assertions: these are figures for the machine at hand.
 */
import { createHash, randomBytes } from "node:crypto";
import net from "node:net";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { renderReportHtml } from "@/lib/render/html/render-report-html";
import { renderReportPdf } from "@/lib/render/pdf/render-report-pdf";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toReportView } from "@/lib/render/to-report-view";
import { getLayout } from "@/lib/template";
import { startAppServer } from "@/scripts/lib/app-server";
import { applyMigrations } from "@/scripts/lib/migrate";
import { buildIfChanged } from "@/scripts/lib/next-build";
import { createScriptClient } from "@/scripts/lib/prisma-client";
import { startThrowawayServer } from "@/scripts/lib/throwaway-database";

const WARM_RUNS = 5;
const LOAD_SECONDS = 10;
const CONNECTIONS = 10;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// 1. Rendering a full report.
const layout = getLayout("gov-2021");
const organizationName = "董封乡人民政府";
const year = 2025;
const data = sampleReportData(layout, { organizationName, year });
const publishedAt = new Date();
const view = toReportView(layout, data, { organizationName, year, publishedAt, version: 1 });
let start = performance.now();
const pdf = await renderReportPdf(view);
const coldMs = performance.now() - start;
const warm: number[] = [];
for (let i = 0; i < WARM_RUNS; i += 1) {
  start = performance.now();
  await renderReportPdf(view);
  warm.push(performance.now() - start);
}
console.log(
  `PDF of a full report (${view.title}): cold ${coldMs.toFixed(0)} ms · warm median of ${WARM_RUNS} ${median(warm).toFixed(0)} ms · ${(pdf.length / 1024).toFixed(1)} KB`,
);
const html = await renderReportHtml(view);
console.log(`HTML snapshot: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB`);

// 2. The site under load.
const database = await startThrowawayServer();
let app: Awaited<ReturnType<typeof startAppServer>> | undefined;
try {
  const databaseUrl = await database.createDatabase("nianbao_bench_public");
  await applyMigrations(databaseUrl);
  const client = createScriptClient(databaseUrl);
  const { organizations } = await seedDemo(client);
  const report = await client.report.create({
    data: {
      organizationId: organizations.get("dongfeng")!,
      year,
      templateId: layout.id,
      templateVersion: layout.version,
      status: "PUBLISHED",
      data,
      publishedAt,
      publications: {
        create: {
          sequence: 1,
          templateId: layout.id,
          templateVersion: layout.version,
          data,
          html,
          pdf: new Uint8Array(pdf),
          pdfSha256: createHash("sha256").update(pdf).digest("hex"),
          publishedAt,
        },
      },
    },
    select: { id: true },
  });
  await client.$disconnect();

  const authSecret = randomBytes(32).toString("base64url");
  await buildIfChanged(databaseUrl, authSecret);
  app = await startAppServer({ port: await freePort(), databaseUrl, authSecret, quiet: true });

  for (const [label, path] of [
    ["published report page", `/reports/${report.id}`],
    ["PDF download", `/reports/${report.id}/pdf`],
  ] as const) {
    const warmup = await fetch(`${app.url}${path}`);
    if (!warmup.ok) throw new Error(`${path}: HTTP ${warmup.status}`);
    await warmup.arrayBuffer();
    const result = await autocannon({ url: `${app.url}${path}`, connections: CONNECTIONS, duration: LOAD_SECONDS });
    const failures = result.non2xx + result.errors + result.timeouts;
    console.log(
      `${label}: ${result.requests.average.toFixed(0)} req/s · median ${result.latency.p50} ms · p99 ${result.latency.p99} ms · ` +
        `${(result.throughput.average / 1024 / 1024).toFixed(1)} MB/s · ${CONNECTIONS} connections, ${LOAD_SECONDS} s${failures ? ` · ${failures} failed` : ""}`,
    );
  }
} finally {
  await app?.stop();
  await database.stop();
}
