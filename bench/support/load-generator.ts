/**
 * HTTP load from a process of its own, for bench/public-site.bench.ts: Debian's `wrk` (C, one
 * thread) when it is installed, otherwise autocannon's command line.
 *
 * Why not autocannon inside the bench's process: on a 2-core machine the load generator has
 * one core, and autocannon spends most of it on the bodies it receives: it decodes every
 * chunk into a JavaScript string and appends it (autocannon/lib/pipelinedRequestsQueue.js,
 * `addBody`), which is slowest for binary bodies such as a PDF. Measured here against a bare
 * Node server, 50 connections: a 100 KB binary body at 570 req/s (p99 151 ms) with
 * autocannon, 17,500 req/s (p99 7 ms) with wrk. With autocannon every target read the load
 * generator's limit (ratios near 1, p99 set by its event loop), and in the bench's own
 * process it also shared a heap with the seeding and the renderers. wrk reads a response's
 * length and drops its bytes.
 *
 * Each run reports the load generator's own CPU use, so that a saturated generator shows
 * in the figures.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ensureSystemTools, type SystemTool } from "../../scripts/lib/system-tools";
import { reapedChildrenCpuSeconds } from "./process-cpu";

export type LoadGeneratorName = "wrk" | "autocannon";

/** One run's figures: requests per second, latencies in ms, failed answers, generator cores. */
export type LoadFigures = { rate: number; p50: number; p99: number; failures: number; generatorCores: number };

const root = path.resolve(import.meta.dirname, "../..");
const AUTOCANNON = path.join(root, "node_modules/autocannon/autocannon.js");

/** wrk's summary as one JSON line (its Lua `done` hook; times in microseconds). */
const WRK_SUMMARY = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"micros":%d,"p50":%d,"p99":%d,"failures":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;

const WRK: SystemTool = { name: "wrk", executable: "wrk", debianPackage: "wrk" };

/**
 * `requested` from `--load=wrk|autocannon`. By default wrk, installed from Debian's package
 * as `npm test` installs its tools (scripts/lib/system-tools.ts); where it cannot be, autocannon,
 * whose runs the bench then marks as measuring the generator's limit.
 */
export async function pickLoadGenerator(requested: string | undefined): Promise<LoadGeneratorName> {
  if (requested === "autocannon") return "autocannon";
  if (requested !== "wrk" && requested !== undefined) throw new Error(`--load=${requested}: use wrk or autocannon`);
  try {
    await ensureSystemTools([WRK], console.log, "基准测试");
    return "wrk";
  } catch (error) {
    if (requested === "wrk") throw error;
    console.log(`wrk 不可用（${error instanceof Error ? error.message : String(error)}），改用 autocannon`);
    return "autocannon";
  }
}

/** The command's standard output once it exited 0 (its stderr in the error otherwise). */
const run = async (command: string, args: string[]): Promise<string> =>
  (await promisify(execFile)(command, args)).stdout;

/** A load generator of that name; `run` loads one URL and returns the figures. */
export function loadGenerator(name: LoadGeneratorName) {
  const dir = mkdtempSync(path.join(tmpdir(), "nianbao-load-"));
  const wrkScript = path.join(dir, "summary.lua");
  writeFileSync(wrkScript, WRK_SUMMARY);

  async function once(url: string, connections: number, seconds: number): Promise<Omit<LoadFigures, "generatorCores">> {
    if (name === "wrk") {
      // One thread: one core for the load, the other for the server measured.
      const out = await run("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "-s", wrkScript, url]);
      const line = out.trim().split("\n").at(-1)!;
      const summary = JSON.parse(line) as {
        requests: number;
        micros: number;
        p50: number;
        p99: number;
        failures: number;
      };
      return {
        rate: summary.requests / (summary.micros / 1e6),
        p50: summary.p50 / 1000,
        p99: summary.p99 / 1000,
        failures: summary.failures,
      };
    }
    const out = await run(process.execPath, [
      AUTOCANNON,
      "-n",
      "-j",
      "-c",
      String(connections),
      "-d",
      String(seconds),
      url,
    ]);
    const result = JSON.parse(out) as {
      duration: number;
      requests: { total: number };
      latency: { p50: number; p99: number };
      non2xx: number;
      errors: number;
      timeouts: number;
    };
    return {
      rate: result.requests.total / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      failures: result.non2xx + result.errors + result.timeouts,
    };
  }

  return {
    name,
    /** One run; the generator's cores are read from its CPU time once it exited. */
    async run(url: string, connections: number, seconds: number): Promise<LoadFigures> {
      const cpuBefore = reapedChildrenCpuSeconds();
      const figures = await once(url, connections, seconds);
      return { ...figures, generatorCores: (reapedChildrenCpuSeconds() - cpuBefore) / seconds };
    },
    stop: () => rmSync(dir, { recursive: true, force: true }),
  };
}
