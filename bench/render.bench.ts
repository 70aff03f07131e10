/**
 * Render timings for one full report: `npx tsx bench/render.bench.ts`.
 *
 * Prints PDF render time (the cold first call of the process, which
 * registers and opens the fonts, then the median of 5 warm calls) and size,
 * and the same for the standalone HTML and the DOCX a publication also freezes.
 * Targets for the PDF with its four embedded faces: cold under 1 s, warm under
 * 0.4 s, under 600 KB.
 * The report is the seed with the most narrative text. No assertions: timings
 * depend on the machine; this is a measuring tape, not a test.
 */
import { performance } from "node:perf_hooks";
import { seeds } from "@/fixtures";
import { renderReportDocx } from "@/lib/render/docx/render-report-docx";
import { renderReportHtml } from "@/lib/render/html/render-report-html";
import { renderReportPdf } from "@/lib/render/pdf/render-report-pdf";
import { toReportView } from "@/lib/render/to-report-view";
import { getLayout } from "@/lib/template";

const WARM_RUNS = 5;

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

async function measure(label: string, run: () => Promise<{ length: number }>): Promise<void> {
  const cold = await time(run);
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i += 1) warm.push((await time(run)).ms);
  const kb = (cold.result.length / 1024).toFixed(1);
  console.log(
    `${label.padEnd(5)} cold ${cold.ms.toFixed(0).padStart(5)} ms · warm median of ${WARM_RUNS} ${median(warm).toFixed(0).padStart(5)} ms · ${kb} KB`,
  );
}

const seed = [...seeds].sort((a, b) => narrativeLength(b) - narrativeLength(a))[0];
if (!seed) throw new Error("no seed fixtures");
const view = toReportView(getLayout(seed.layoutId), seed.data, {
  organizationName: seed.organization.name,
  year: seed.data.meta.year,
  publishedAt: "2024-01-26",
  documentDate: "2024-01-26",
});
console.log(`report: ${seed.id} (${view.title}), ${narrativeLength(seed)} characters of narrative`);
await measure("PDF", () => renderReportPdf(view));
await measure("HTML", async () => Buffer.from(await renderReportHtml(view)));
await measure("DOCX", () => renderReportDocx(view));
