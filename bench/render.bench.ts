/**
 * Render timings for one full report: `npm run bench -- render`.
 *
 * Prints, for the PDF with its four embedded faces and for the DOCX: the cold first render
 * of the process (which opens the fonts), the median of 5 warm renders and the size; then
 * the same through the render pool, as a request sees it: the first render of a pool that
 * warmed up at start (the server's, lib/render/render-in-worker.ts, started with the app),
 * the first render of a pool that did not (a cold worker), and warm renders in the pool.
 * The standalone HTML a publication also freezes is timed too (it is rendered in the
 * request's thread). Targets for the PDF: cold under 1 s, warm under 0.4 s, under 600 KB.
 * The report is the seed with the most narrative text. No assertions: timings depend on
 * the machine; this is a measuring tape, not a test.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { performance } from "node:perf_hooks";
import { seeds } from "@/fixtures";
import { renderReportDocx } from "@/lib/render/docx/render-report-docx";
import { renderReportHtml } from "@/lib/render/html/render-report-html";
import { renderReportPdf } from "@/lib/render/pdf/render-report-pdf";
import { createRenderPool, DEFAULT_RENDER_LIMITS, type RenderPool } from "@/lib/render/render-in-worker";
import { seedReportView } from "@/lib/render/testing/seed-report-view";

const WARM_RUNS = 5;
/** Long enough for a pool's warm-up (fonts, a sample report) on a busy 2-core machine. */
const WARM_UP_WAIT_MS = 15_000;

function narrativeLength(seed: (typeof seeds)[number]): number {
  return Object.values(seed.data.narrative).reduce((sum, text) => sum + (text?.length ?? 0), 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;

async function measure(label: string, run: () => Promise<{ length: number }>, first = "cold"): Promise<void> {
  const cold = await time(run);
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i += 1) warm.push((await time(run)).ms);
  const kb = (cold.result.length / 1024).toFixed(1);
  console.log(
    `${label.padEnd(26)} ${first} ${ms(cold.ms)} · warm median of ${WARM_RUNS} ${ms(median(warm))} · ${kb} KB`,
  );
}

const seed = [...seeds].sort((a, b) => narrativeLength(b) - narrativeLength(a))[0];
if (!seed) throw new Error("no seed fixtures");
const view = seedReportView(seed);
console.log(`report: ${seed.id} (${view.title}), ${narrativeLength(seed)} characters of narrative`);
await measure("PDF in this thread", () => renderReportPdf(view));
await measure("HTML in this thread", async () => Buffer.from(await renderReportHtml(view)));
await measure("DOCX in this thread", () => renderReportDocx(view));

const pools: RenderPool[] = [];
const onePool = (warmUp: boolean) => {
  const pool = createRenderPool(DEFAULT_RENDER_LIMITS, warmUp ? undefined : null);
  pools.push(pool);
  return pool;
};
const cold = onePool(false);
await measure("PDF in a cold pool", async () => (await cold.renderPdf(view)).pdf, "first");
const warmed = onePool(true);
await sleep(WARM_UP_WAIT_MS);
await measure("PDF in the warmed-up pool", async () => (await warmed.renderPdf(view)).pdf, "first");
await measure("DOCX in the warmed-up pool", () => warmed.renderDocx(view), "first");
await Promise.all(pools.map((pool) => pool.destroy()));
