/**
 * Hostile uploads against the running app: `npm run bench -- import`.
 *
 * Starts the app the way the browser tests do (throw-away PostgreSQL, migrations, demo
 * data, `next build` when sources changed, `next start`), signs a clerk in, then sends
 * each hostile file (fixtures/import/write-hostile-uploads.ts) to POST /api/import/history (intent=preview) while health
 * checks run one after another. Per file it prints the time until the app refused it, the
 * health checks' latency meanwhile (p50, p99, max) and how much the app process's peak
 * resident memory (VmHWM) grew. The first row is health with no upload, for comparison.
 * Before the reading pool these files took 11 s (1.1 MB nested HTML), 150 s and a stack
 * overflow (3.7 MB), and 13 s with memory from 390 to 2,323 MB (the XML bomb), with health
 * timing out meanwhile.
 *
 * Not a test: nothing here fails on a slow machine; it prints figures.
 */
import { readFile } from "node:fs/promises";
import { writeNestedDivsHtml, writeXmlBombDocx } from "../fixtures/import/write-hostile-uploads";
import { signInDemo, startBenchApp } from "./support/bench-app";

const MB = 1024 * 1024;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** The app process's resident memory now and at its peak so far, in MB (Linux /proc). */
async function memoryMb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

const bench = await startBenchApp("hostile");
const { app } = bench;

try {
  const { page } = await signInDemo(bench, "beiliu");
  const pid = app.process.pid ?? 0;

  const upload = (name: string, buffer: Buffer) =>
    page.request.post("/api/import/history", {
      headers: { origin: app.url },
      multipart: { intent: "preview", file: { name, mimeType: "application/octet-stream", buffer } },
      timeout: 300_000,
    });

  /** Health checks one after another (plain fetch: no browser in the way) until `pending` settles. */
  const healthWhile = async (pending: Promise<unknown>): Promise<number[]> => {
    let isSettled = false;
    void pending.finally(() => (isSettled = true));
    const latencies: number[] = [];
    while (!isSettled) {
      const start = performance.now();
      await fetch(`${app.url}/api/health`).then((response) => response.arrayBuffer());
      latencies.push(performance.now() - start);
    }
    return latencies;
  };

  // Warm up: the first upload starts a reading thread; health's route gets compiled caches.
  await upload("warm-up.html", Buffer.from("<p>你好</p>"));
  const idle = await healthWhile(new Promise((resolve) => setTimeout(resolve, 2_000)));

  const cases: [string, () => Promise<Buffer>][] = [
    ["nested <div> HTML, 1.1 MB", async () => Buffer.from(writeNestedDivsHtml(1.1 * MB))],
    ["nested <div> HTML, 3.7 MB", async () => Buffer.from(writeNestedDivsHtml(3.7 * MB))],
    ["XML bomb .docx, 60 MB of XML", async () => Buffer.from(await writeXmlBombDocx(60 * MB))],
    ["heavy .docx, 3.9 MB of XML (time/memory limit)", async () => Buffer.from(await writeXmlBombDocx(3.9 * MB))],
  ];
  const rows: string[][] = [
    ["case", "file KB", "refused in ms", "status", "health n", "p50 ms", "p99 ms", "max ms", "peak +MB", "rss MB"],
  ];
  const before = await memoryMb(pid);
  rows.push([
    "health alone, no upload (2 s)",
    "—",
    "—",
    "—",
    String(idle.length),
    percentile(idle, 50).toFixed(1),
    percentile(idle, 99).toFixed(1),
    Math.max(...idle).toFixed(1),
    "—",
    before.rss.toFixed(0),
  ]);
  for (const [name, make] of cases) {
    const buffer = await make();
    const extension = name.includes(".docx") ? "docx" : "html";
    const memory = await memoryMb(pid);
    const start = performance.now();
    const pending = upload(`hostile.${extension}`, buffer);
    const health = await healthWhile(pending);
    const response = await pending;
    const elapsed = performance.now() - start;
    const after = await memoryMb(pid);
    const message = ((await response.json()) as { error?: { message?: string } }).error?.message ?? "";
    rows.push([
      name,
      (buffer.byteLength / 1024).toFixed(0),
      elapsed.toFixed(0),
      String(response.status()),
      String(health.length),
      percentile(health, 50).toFixed(1),
      percentile(health, 99).toFixed(1),
      Math.max(...health).toFixed(1),
      (after.peak - memory.peak).toFixed(0),
      after.rss.toFixed(0),
    ]);
    console.log(`${name}: ${response.status()} ${message}`);
  }
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length)));
  const line = (r: readonly string[]) =>
    r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join("  ");
  console.log(
    `Node ${process.version}, ${process.platform}/${process.arch}; app process peak memory at start ${before.peak.toFixed(0)} MB`,
  );
  console.log(line(rows[0]!));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows.slice(1)) console.log(line(r));
} finally {
  await bench.stop();
}
