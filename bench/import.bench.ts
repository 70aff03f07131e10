/**
 * How long reading and checking one report takes: `npm run bench -- import.bench` (or
 * `npx tsx bench/import.bench.ts`). Each case is first run untimed (its warm-up runs, shown),
 * then timed run by run; the table shows the median and 95th percentile (target: a p95 under
 * 50 ms to read and check one report, 300 ms for a ten-page PDF) and each median as a ratio to
 * the first case's, measured in the same run: on a busy machine the milliseconds rise, the
 * ratios much less. The reading pool's warm-up gives every thread work at once, so the timed
 * runs never meet a cold thread; the pool's cold start is shown apart, below the table.
 * Inputs are built in memory, so disk speed is not measured.
 * Attack files against the running app: bench/import-hostile.bench.ts.
 * Not a test: nothing here fails on a slow machine.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sampleReport } from "../fixtures/import/sample-report";
import { writeReportDocx } from "../fixtures/import/write-report-docx";
import { writeReportHtmlTable } from "../fixtures/import/write-report-html-table";
import { writeReportPdfWithPages } from "../fixtures/import/write-report-pdf";
import { readReportHtml, readReportText, type ReadResult } from "../lib/import";
import { createReadingPool, DEFAULT_POOL_LIMITS } from "../lib/import/read-in-worker";
import { readReportBytesInWorker, readReportDocx, readReportPdf } from "../lib/import/server";
import { evaluateReport } from "../lib/rules";
import { getLayout } from "../lib/template";

const repoRoot = path.resolve(import.meta.dirname, "..");
const TARGET_MS = 50;
/** A PDF costs pdf.js's parsing of every page's content stream on top. */
const PDF_TARGET_MS = 300;

interface Case {
  readonly name: string;
  readonly iterations: number;
  readonly run: () => Promise<unknown>;
  /** Whether the 50 ms target applies (one real report); the hostile case only shows the cost of the size cap. */
  readonly targeted?: false;
  /** Another target than TARGET_MS (PDFs). */
  readonly targetMs?: number;
  /** Warm-up runs started at once (the reading pool's threads); 1 by default. */
  readonly warmUpAtOnce?: number;
}

const WARM_UP_RUNS = 20;

/** Rounds of warm-up runs (each round `warmUpAtOnce` runs); a case of few runs gets as many. */
const warmUpRounds = (c: Case): number => Math.ceil(Math.min(WARM_UP_RUNS, c.iterations) / (c.warmUpAtOnce ?? 1));

function check(reading: ReadResult): number {
  const organization = reading.organizationKind
    ? { name: reading.organizationName, kind: reading.organizationKind }
    : undefined;
  return evaluateReport({ data: reading.data, layout: getLayout(reading.layoutId), organization }).length;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function time(c: Case): Promise<{ median: number; p95: number; min: number; max: number }> {
  const atOnce = c.warmUpAtOnce ?? 1;
  for (let i = 0; i < warmUpRounds(c); i++) await Promise.all(Array.from({ length: atOnce }, c.run));
  const samples: number[] = [];
  for (let i = 0; i < c.iterations; i++) {
    const start = performance.now();
    await c.run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: samples[0] ?? Number.NaN,
    max: samples[samples.length - 1] ?? Number.NaN,
  };
}

const seed002 = readFileSync(path.join(repoRoot, "fixtures/seeds-text/002_e73d5a6c979587d5.txt"), "utf8");
const seed001 = readFileSync(path.join(repoRoot, "fixtures/seeds-text/001_1e620b80bbedd808.txt"), "utf8");
const layout = getLayout("gov-2021");
const sample = sampleReport("gov-2021");
const docx = await writeReportDocx(layout, sample);
const html = writeReportHtmlTable(layout, sample);

/** The sample as the app publishes it, its 一、总体情况 long enough for about ten pages (a long county report). */
async function tenPagePdf(): Promise<{ pdf: Uint8Array; pages: number }> {
  const paragraph = sample.narrative["s1.active"] ?? "";
  const data = { ...sample, narrative: { ...sample.narrative, "s1.active": Array(60).fill(paragraph).join("\n") } };
  return writeReportPdfWithPages(layout, data);
}
const published = await tenPagePdf();
const libreOffice = new Uint8Array(readFileSync(path.join(repoRoot, "fixtures/import/pdf/libreoffice-gov-2021.pdf")));

/** Worst case the size cap allows: ~4 MB of random short words under a table heading. */
function hostileText(): string {
  const alphabet =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经";
  let state = 1;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state % n;
  };
  const parts = [
    "某某镇2023年政府信息公开工作年度报告",
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
  ];
  for (let chars = 0; chars < 1_300_000;) {
    let word = "";
    for (let i = 4 + next(18); i > 0; i--) word += alphabet[next(alphabet.length)] ?? "";
    parts.push(word);
    chars += word.length + 1;
  }
  return parts.join("\n");
}
const hostile = hostileText();

const cases: Case[] = [
  { name: "seed 002 text: read", iterations: 300, run: async () => readReportText(seed002) },
  { name: "seed 002 text: read + check", iterations: 300, run: async () => check(readReportText(seed002)) },
  { name: "seed 001 text (gov-2019): read + check", iterations: 300, run: async () => check(readReportText(seed001)) },
  { name: "CMS HTML page (<table>): read + check", iterations: 200, run: async () => check(readReportHtml(html)) },
  {
    name: `.docx (${(docx.byteLength / 1024).toFixed(0)} KB): read`,
    iterations: 100,
    run: async () => readReportDocx(docx),
  },
  { name: ".docx: read + check", iterations: 100, run: async () => check(await readReportDocx(docx)) },
  // What an upload costs on top: the copy to and from a thread of the reading pool.
  {
    name: ".docx: read in the reading pool",
    iterations: 100,
    run: () => readReportBytesInWorker(docx, "a.docx"),
    warmUpAtOnce: DEFAULT_POOL_LIMITS.threads,
  },
  {
    name: `PDF as published by the app (${published.pages} pages): read + check`,
    iterations: 100,
    run: async () => check(await readReportPdf(published.pdf)),
    targetMs: PDF_TARGET_MS,
  },
  {
    name: `PDF exported by LibreOffice (${(libreOffice.byteLength / 1024).toFixed(0)} KB): read + check`,
    iterations: 100,
    run: async () => check(await readReportPdf(libreOffice)),
    targetMs: PDF_TARGET_MS,
  },
  {
    name: `PDF (app, ${published.pages} pages): read in the reading pool`,
    iterations: 100,
    run: () => readReportBytesInWorker(published.pdf, "a.pdf"),
    targetMs: PDF_TARGET_MS,
    warmUpAtOnce: DEFAULT_POOL_LIMITS.threads,
  },
  {
    // Two uploads at once on two cores: the time until both are read.
    name: `PDF (app, ${published.pages} pages): two at once in the reading pool`,
    iterations: 50,
    run: () =>
      Promise.all([readReportBytesInWorker(published.pdf, "a.pdf"), readReportBytesInWorker(published.pdf, "b.pdf")]),
    targetMs: PDF_TARGET_MS,
    warmUpAtOnce: DEFAULT_POOL_LIMITS.threads,
  },
  {
    name: `hostile text (${(hostile.length / 1e6).toFixed(1)} M chars, 120k words): read`,
    iterations: 5,
    run: async () => readReportText(hostile),
    targeted: false,
  },
];

const rows: string[][] = [["case", "warm-up", "runs", "median ms", "p95 ms", "× first", "min ms", "max ms", "target"]];
let baselineMedian = Number.NaN;
for (const c of cases) {
  const t = await time(c);
  if (Number.isNaN(baselineMedian)) baselineMedian = t.median;
  rows.push([
    c.name,
    String(warmUpRounds(c) * (c.warmUpAtOnce ?? 1)),
    String(c.iterations),
    t.median.toFixed(2),
    t.p95.toFixed(2),
    (t.median / baselineMedian).toFixed(1),
    t.min.toFixed(2),
    t.max.toFixed(2),
    c.targeted === false
      ? "—"
      : `${t.p95 < (c.targetMs ?? TARGET_MS) ? "yes" : "NO"} (< ${c.targetMs ?? TARGET_MS} ms)`,
  ]);
}

const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length))) ?? [];
const line = (r: readonly string[]): string =>
  r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join("  ");
console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
console.log(line(rows[0] ?? []));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows.slice(1)) console.log(line(r));

/**
 * The reading pool's cold start: a new pool, given the time its threads take to start, then
 * one PDF. Without its warm-up the first file also pays loading the readers and pdf.js, and
 * compiling them; the process's pool warms up (instrumentation.ts starts it with the server).
 */
const COLD_POOLS = 3;
const START_PAUSE_MS = 6_000;
for (const warmUp of [false, true]) {
  const firsts: number[] = [];
  for (let i = 0; i < COLD_POOLS; i++) {
    const pool = createReadingPool(DEFAULT_POOL_LIMITS, warmUp);
    await new Promise((resolve) => setTimeout(resolve, START_PAUSE_MS));
    const start = performance.now();
    await pool.read(published.pdf, "a.pdf");
    firsts.push(performance.now() - start);
    await pool.destroy();
  }
  console.log(
    `first PDF (app, ${published.pages} pages) in a new reading pool ${warmUp ? "with" : "without"} warm-up, ${START_PAUSE_MS / 1000} s after its start: ${firsts.map((ms) => ms.toFixed(0)).join(", ")} ms (${COLD_POOLS} pools)`,
  );
}
