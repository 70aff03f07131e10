/**
 * The public site under load: `npm run bench -- public-site` (`-- public-site --load=autocannon`
 * for autocannon instead of wrk).
 *
 * 1. PDF render time (cold first call, then the median of 5 warm calls) and size for a
 *    full report (every cell filled, every narrative field with paragraphs). Aim: < 1.5 s,
 *    < 600 KB.
 * 2. The app's production server (scripts/serve-app.mjs, as `npm start`) on a throw-away
 *    database with one published report, side by side with a bare Node `http` server (its
 *    own process) that answers the very same bytes (body and headers) from memory: the load
 *    generator (bench/support/load-generator.ts: wrk when installed, in a process of its own)
 *    against each target on both, at 20 and 50 connections, after a warm-up, printing
 *    requests per second, median and p99 latency, the app's share of the bare server's rate,
 *    and the cores the server and the load generator used. Targets: the report page, its
 *    PDF and the public home (catalogue) at 20 and 50 connections, 10 s; DOCX, JSON and CSV
 *    at 50 connections, 5 s. Aims: each publication format at least half the bare server's
 *    rate with p99 < 50 ms at 50 connections, the catalogue at least a quarter. The app's
 *    memory (RSS) before and after, and the load average on every line (the machine may be
 *    shared).
 *
 * The publication is written straight into the database (the bench runs outside the
 * server-only boundary); its snapshot is rendered by the same functions publishing uses.
 * No assertions: these are figures for the machine at hand.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { renderReportHtml } from "@/lib/render/html/render-report-html";
import { renderReportPdf } from "@/lib/render/pdf/render-report-pdf";
import { renderReportDocx } from "@/lib/render/docx/render-report-docx";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toReportView } from "@/lib/render/to-report-view";
import { getLayout } from "@/lib/template";
import { startAppServer } from "@/scripts/lib/app-server";
import { applyMigrations } from "@/scripts/lib/migrate";
import { buildIfChanged } from "@/scripts/lib/next-build";
import { createScriptClient } from "@/scripts/lib/prisma-client";
import { startThrowawayServer } from "@/scripts/lib/throwaway-database";
import { loadGenerator, pickLoadGenerator, type LoadFigures } from "./support/load-generator";
import { treeCpuSeconds, waitUntilIdle } from "./support/process-cpu";

const WARM_RUNS = 5;
/** Seconds of load before each measured run, on the same URL and connections; not counted. */
const WARM_UP_SECONDS = 2;
/** Runs of each server per line, in turn; the line's ratio is the median pair's. */
const PAIRS = 3;
/** What is measured, in this order: both servers per line, the bare one first. */
const TARGETS = [
  { label: "report page", path: (id: string) => `/reports/${id}`, runs: [20, 50], seconds: 10 },
  { label: "PDF", path: (id: string) => `/reports/${id}/pdf`, runs: [20, 50], seconds: 10 },
  { label: "public home (catalogue)", path: () => "/", runs: [20, 50], seconds: 10 },
  {
    label: "catalogue filtered (year and name)",
    path: () => `/?year=${year}&q=${encodeURIComponent("董封")}`,
    runs: [50],
    seconds: 5,
  },
  { label: "DOCX", path: (id: string) => `/reports/${id}/docx`, runs: [50], seconds: 5 },
  { label: "JSON", path: (id: string) => `/reports/${id}/json`, runs: [50], seconds: 5 },
  { label: "CSV", path: (id: string) => `/reports/${id}/csv`, runs: [50], seconds: 5 },
] as const;

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
const docx = await renderReportDocx(view);

/** The resident memory of a process in MB (Linux /proc), or null where it cannot be read. */
function residentMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

const mb = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(0)} MB`);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

/** An answer as the app sends it: its headers (but those Node writes itself) and body. */
type Answer = { headers: Record<string, string>; body: Buffer };

/** Headers Node's `http` server writes itself on every answer (both servers alike). */
const CONNECTION_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

/**
 * A bare Node `http` server in its own process (as the app is) answering each path with the
 * bytes the app answered it with, headers included, from memory: what this machine can serve.
 */
async function startBareServer(answers: Map<string, Answer>) {
  const dir = mkdtempSync(path.join(tmpdir(), "nianbao-bare-"));
  const index: Record<string, { headers: Record<string, string>; file: string }> = {};
  [...answers].forEach(([urlPath, answer], i) => {
    const file = path.join(dir, `${i}.bin`);
    writeFileSync(file, answer.body);
    index[urlPath] = { headers: answer.headers, file };
  });
  writeFileSync(path.join(dir, "index.json"), JSON.stringify(index));
  const port = await freePort();
  const source = `
    import http from "node:http";
    import fs from "node:fs";
    const index = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    const bodies = new Map(Object.entries(index).map(([p, a]) => [p, { headers: a.headers, body: fs.readFileSync(a.file) }]));
    http.createServer((request, response) => {
      const answer = bodies.get(request.url);
      if (!answer) { response.writeHead(404); response.end(); return; }
      response.writeHead(200, answer.headers);
      response.end(answer.body);
    }).listen(Number(process.argv[2]), () => console.log("ready"));`;
  const child = spawn(
    process.execPath,
    ["--input-type=module", "-e", source, path.join(dir, "index.json"), String(port)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bare server exited (${code})`)));
    child.stdout!.once("data", () => resolve());
  });
  return {
    url: `http://localhost:${port}`,
    pid: child.pid!,
    stop: async () => {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const generator = loadGenerator(
  await pickLoadGenerator(
    process.argv
      .slice(2)
      .find((argument) => argument.startsWith("--load="))
      ?.slice("--load=".length),
  ),
);

type Figures = LoadFigures & { serverCores: number; load: string };

/** One measured run against one server after a warm-up, with the cores that server (all its threads) used. */
async function measure(url: string, serverPid: number, connections: number, seconds: number): Promise<Figures> {
  // Warm-up (JIT, sockets) on the same URL and connections; its figures are dropped.
  await generator.run(url, connections, WARM_UP_SECONDS);
  const cpuBefore = treeCpuSeconds(serverPid);
  const figures = await generator.run(url, connections, seconds);
  const serverCores = (treeCpuSeconds(serverPid) - cpuBefore) / seconds;
  return { ...figures, serverCores, load: loadavg()[0]!.toFixed(2) };
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0)).padStart(4);
/** A load generator near a whole core measured itself, not the server (bench/support/load-generator.ts). */
const SATURATED_CORES = 0.9;
const show = (figures: Figures) =>
  `${figures.rate.toFixed(0).padStart(6)} req/s p50 ${ms(figures.p50)} ms p99 ${ms(figures.p99)} ms` +
  ` · server ${figures.serverCores.toFixed(2)} cores, ${generator.name} ${figures.generatorCores.toFixed(2)}` +
  (figures.generatorCores >= SATURATED_CORES ? " (load generator saturated: its limit, not the server's)" : "") +
  ` · load ${figures.load}` +
  (figures.failures ? ` (${figures.failures} failed)` : "");

// 2. The site under load.
const database = await startThrowawayServer();
let app: Awaited<ReturnType<typeof startAppServer>> | undefined;
let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
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
          docx: new Uint8Array(docx),
          docxSha256: createHash("sha256").update(docx).digest("hex"),
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

  const rssAtStart = residentMb(app.process.pid);

  // The bytes of each target as the app answers them: the second answer, from what the app
  // kept of the first (public-answers.ts), as the load generators ask (no compression).
  const answers = new Map<string, Answer>();
  for (const target of TARGETS) {
    const urlPath = target.path(report.id);
    let response: Response | undefined;
    for (let i = 0; i < 2; i += 1) {
      response = await fetch(`${app.url}${urlPath}`, { headers: { "Accept-Encoding": "identity" } });
      if (!response.ok) throw new Error(`${urlPath}: HTTP ${response.status}`);
      if (i === 0) await response.arrayBuffer();
    }
    const headers = Object.fromEntries([...response!.headers].filter(([name]) => !CONNECTION_HEADERS.has(name)));
    answers.set(urlPath, { headers, body: Buffer.from(await response!.arrayBuffer()) });
  }
  bare = await startBareServer(answers);
  const rssWarm = residentMb(app.process.pid);
  const settled = await waitUntilIdle(app.process.pid!);
  console.log(
    `load generator: ${generator.name}, in its own process; ${WARM_UP_SECONDS} s warm-up before each run` +
      ` · the app idle ${settled.toFixed(1)} s after its first answers\n` +
      `load average at start: ${load()} · app RSS ${mb(rssAtStart)} (after the first answers ${mb(rssWarm)})`,
  );

  for (const target of TARGETS) {
    const urlPath = target.path(report.id);
    const kb = (answers.get(urlPath)!.body.length / 1024).toFixed(0);
    for (const connections of target.runs) {
      // Pairs in turn (bare, app, bare, app…): a spell of other work on the machine then
      // weighs on both servers of a pair, and the median pair's ratio is the line's.
      const lines: string[] = [];
      const ratios: number[] = [];
      for (let pair = 0; pair < PAIRS; pair += 1) {
        const onBare = await measure(`${bare.url}${urlPath}`, bare.pid, connections, target.seconds);
        const onApp = await measure(`${app.url}${urlPath}`, app.process.pid!, connections, target.seconds);
        ratios.push(onApp.rate / onBare.rate);
        lines.push(`  bare ${show(onBare)}\n  app  ${show(onApp)} · ratio ${ratios.at(-1)!.toFixed(2)}`);
      }
      console.log(
        `${target.label} (${kb} KB), ${connections} connections, ${target.seconds} s × ${PAIRS} pairs\n` +
          `${lines.join("\n")}\n  ratio (median of the pairs) ${median(ratios).toFixed(2)}`,
      );
    }
  }
  console.log(
    `load average at end: ${load()} · app RSS ${mb(residentMb(app.process.pid))} (at start ${mb(rssAtStart)})`,
  );
} finally {
  generator.stop();
  await bare?.stop();
  await app?.stop();
  await database.stop();
}
