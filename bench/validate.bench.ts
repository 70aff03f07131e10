/**
 * Rule-engine timing on seed 002 (the county office report with real
 * figures). Plain script: `npx tsx bench/validate.bench.ts`.
 * Target: < 50 µs median for a full validation in Node, and re-validation
 * after a one-cell change cheaper still. Times are printed, never asserted.
 */
import { performance } from "node:perf_hooks";
import { seed002, seed002Corrected } from "../fixtures";
import { evaluateReport } from "../lib/rules";
import { draftReportSchema } from "../lib/report-data";
import { getLayout } from "../lib/template";
import type { ReportData } from "../lib/report-data";

const layout = getLayout("gov-2021");
const organization = seed002.organization;
const SAMPLES = 5000;
const WARMUP = 2000;

interface Row {
  readonly name: string;
  readonly samples: number[];
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Time `run` once per sample; `prepare` builds each sample's input outside the timed region. */
function measure<T>(name: string, prepare: (i: number) => T, run: (input: T) => unknown): Row {
  for (let i = 0; i < WARMUP; i++) run(prepare(i));
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const input = prepare(WARMUP + i);
    const start = process.hrtime.bigint();
    run(input);
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return { name, samples };
}

/** Every narrative string new (as after loading another report): all text parsing misses the memo. */
function withFreshText(data: ReportData, i: number): ReportData {
  const narrative: Record<string, string> = {};
  for (const [id, text] of Object.entries(data.narrative)) narrative[id] = `${text ?? ""}\n（${i}）`;
  return { ...data, narrative };
}

/** One cell changed, as the form produces on a keystroke: a new cells object, same texts. */
function withOneCellChanged(data: ReportData, i: number): ReportData {
  const cells = { ...data.cells, "t3.r3_1.natural": 6 + (i % 3), "t3.r3_1.total": 6 + (i % 5) };
  return { ...data, cells };
}

const coldStart = performance.now();
const first = evaluateReport({ data: seed002Corrected, layout, organization });
const coldMs = performance.now() - coldStart;

const rows: Row[] = [
  measure(
    "full validation, same report again",
    () => seed002Corrected,
    (data) => evaluateReport({ data, layout, organization }),
  ),
  measure(
    "full validation, all text unseen",
    (i) => withFreshText(seed002Corrected, i),
    (data) => evaluateReport({ data, layout, organization }),
  ),
  measure(
    "re-validation after one-cell change",
    (i) => withOneCellChanged(seed002Corrected, i),
    (data) => evaluateReport({ data, layout, organization }),
  ),
  measure(
    "as published (2 period findings)",
    () => seed002.data,
    (data) => evaluateReport({ data, layout, organization }),
  ),
  measure(
    "for comparison: zod draft schema parse",
    () => seed002Corrected,
    (data) => draftReportSchema(layout).safeParse(data),
  ),
];

const fmt = (n: number): string => n.toFixed(1).padStart(9);
console.log(
  `rule engine on seed 002 (gov-2021, ${Object.keys(seed002Corrected.cells).length} cells), Node ${process.version}`,
);
console.log(`first call incl. layout compile: ${(coldMs * 1000).toFixed(0)} µs (${first.length} findings)`);
console.log(`${SAMPLES} samples after ${WARMUP} warm-up runs each; µs per call\n`);
console.log(`${"case".padEnd(40)}${"median".padStart(9)}${"p95".padStart(9)}${"p99".padStart(9)}${"mean".padStart(9)}`);
for (const row of rows) {
  const sorted = [...row.samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  console.log(
    `${row.name.padEnd(40)}${fmt(quantile(sorted, 0.5))}${fmt(quantile(sorted, 0.95))}${fmt(quantile(sorted, 0.99))}${fmt(mean)}`,
  );
}
const median = quantile(
  [...(rows[0]?.samples ?? [])].sort((a, b) => a - b),
  0.5,
);
console.log(`\ntarget < 50 µs median for a full validation: ${median < 50 ? "met" : "NOT met"}`);
