/**
 * The January peak on one machine: `npm run bench -- peak [--rate=200] [--seconds=60] …`.
 *
 * On a throw-away PostgreSQL with the migrations, it writes a province (bench/support/
 * peak-province.ts): 4,500 units in counties of 30 (townships, towns, departments), a clerk
 * for each and a reviewer for each county, this season's report of every unit (a tenth of
 * them the active clerks' drafts, the rest drafts, submitted or approved reports) and last
 * year's published reports of a few counties. Then it starts the production app (as
 * `npm start` serves it) and records, from the real pages in chromium, the sign-in action and
 * the wizard's save (its Next-Action id and headers), and replays both from Node as real HTTP
 * requests:
 *
 * 1. every active clerk signs in (argon2id at each sign-in) and opens their wizard page;
 * 2. for `--warm-up` + `--seconds` seconds each active clerk changes a figure or two (cell by
 *    cell, as typed) or adds a sentence to a text, and saves the whole draft through the
 *    wizard's saveDraft action at the rate asked (`--rate` saves per second over all of them;
 *    default every 5 s each), one save in flight per clerk, edits made meanwhile sent when it
 *    returns (lib/report-form/draft-saver.ts); meanwhile reviewers page their county's
 *    season board (each sort in turn) and open submitted reports, and citizens read the
 *    catalogue, published report pages and PDFs;
 * 3. it prints the saves per second sustained, their p50/p90/p99, errors by kind, the other
 *    traffic's figures, the CPU each process used and the load average;
 * 4. it checks the database: each report's version and data are those of its last
 *    acknowledged save, and each acknowledged save is there exactly once as a revision with
 *    exactly the data sent (nothing lost, nothing doubled).
 *
 * With `--instances=N` it starts N app processes on the one database (ports from `--port`,
 * 3840) and spreads the clerks, reviewers and citizens over them, as a reverse proxy would.
 * With `--cpu-prof` the app runs under Node's CPU profiler and the bench prints where its
 * main thread spent the window (by package), the profile kept under .data/peak-profiles/.
 * Not a test: figures for the machine at hand (which may be shared: see the load average).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { startAppServer, type AppServer } from "../scripts/lib/app-server";
import { applyMigrations } from "../scripts/lib/migrate";
import { buildIfChanged } from "../scripts/lib/next-build";
import { isPortFree } from "../scripts/lib/postgres";
import { createScriptClient } from "../scripts/lib/prisma-client";
import { startThrowawayServer } from "../scripts/lib/throwaway-database";
import { machineCpuSeconds, summarizeCpuProfile, treeCpuSeconds } from "./support/process-cpu";
import { ClerkDraft, PEAK_PASSWORD, writeProvince, type Province } from "./support/peak-province";

const root = path.resolve(import.meta.dirname, "..");
const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    units: { type: "string", default: "4500" },
    "units-per-county": { type: "string", default: "30" },
    active: { type: "string" },
    rate: { type: "string" },
    seconds: { type: "string", default: "60" },
    "warm-up": { type: "string", default: "10" },
    reviewers: { type: "string", default: "30" },
    citizens: { type: "string", default: "20" },
    "published-counties": { type: "string", default: "10" },
    "sign-in-concurrency": { type: "string", default: "4" },
    port: { type: "string", default: "3840" },
    instances: { type: "string", default: "1" },
    "cpu-prof": { type: "boolean", default: false },
  },
});
const integer = (name: keyof typeof options, fallback?: number): number => {
  const raw = options[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new Error(`--${name}: a number, please`);
  return value;
};
const UNITS = integer("units");
const PER_COUNTY = Math.max(1, integer("units-per-county"));
const ACTIVE = Math.min(UNITS, integer("active", Math.round(UNITS / 10)));
const RATE = integer("rate", ACTIVE / 5);
const SECONDS = integer("seconds");
const WARM_UP = integer("warm-up");
const REVIEWERS = integer("reviewers");
const CITIZENS = integer("citizens");
const PUBLISHED_COUNTIES = integer("published-counties");
const SIGN_IN_CONCURRENCY = Math.max(1, integer("sign-in-concurrency"));
const PORT = integer("port");
const INSTANCES = Math.max(1, integer("instances"));
/**
 * A request unanswered after this long counts as a timeout. Long: the wizard waits for its
 * save however long it takes, and a request given up on here would still be worked on by
 * the app while the clerk's next one is sent (work done twice, the overload made worse).
 */
const SAVE_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// HTTP: one keep-alive agent, as many sockets as clerks (a browser keeps one per tab).

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string; ms: number };

function request(
  url: string,
  init: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string; timeoutMs?: number },
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const outgoing = http.request(
      url,
      {
        method: init.method ?? "GET",
        agent,
        headers: { ...init.headers, ...(body ? { "content-length": String(body.length) } : {}) },
        timeout: init.timeoutMs ?? SAVE_TIMEOUT_MS,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
        incoming.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("timeout")));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** The action's result in a Flight answer (its row 1), or null when there is none. */
function actionResult(text: string): { ok: boolean; code?: string; data?: unknown; details?: unknown } | null {
  const row = text.split("\n").find((line) => line.startsWith("1:"));
  if (!row) return null;
  try {
    return JSON.parse(row.slice(2)) as { ok: boolean; code?: string; data?: unknown };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Figures.

function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

class Tally {
  readonly times: number[] = [];
  readonly errors = new Map<string, number>();
  record(ms: number): void {
    this.times.push(ms);
  }
  fail(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }
  errorCount(): number {
    return [...this.errors.values()].reduce((sum, count) => sum + count, 0);
  }
  describe(seconds: number): string {
    const sorted = [...this.times].sort((a, b) => a - b);
    const errors = [...this.errors].map(([kind, count]) => `${kind} ×${count}`).join(", ") || "none";
    return (
      `${sorted.length} in ${seconds} s = ${(sorted.length / seconds).toFixed(1)}/s · ` +
      `p50 ${percentile(sorted, 0.5).toFixed(0)} ms · p90 ${percentile(sorted, 0.9).toFixed(0)} ms · ` +
      `p99 ${percentile(sorted, 0.99).toFixed(0)} ms · max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms · errors: ${errors}`
    );
  }
}

const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

/** What a page answered, as an error kind, or null when it is the page. */
function pageProblem(answer: Answer, marker: string): string | null {
  if (answer.status !== 200) return `HTTP ${answer.status}`;
  if (answer.text.includes("页面暂时无法显示")) return "页面暂时无法显示";
  // A page that answers but is not the one asked for (a sign-in page, another error page).
  if (!answer.text.includes(marker)) return `200 without ${marker}`;
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items`, `concurrency` at a time. */
async function eachLimited<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

// ---------------------------------------------------------------------------------------------

/** Wall-clock bounds of the measured window (for the CPU profile), in ms since the epoch. */
const windowMarks = { start: 0, end: 0 };

type Recorded = { url: string; headers: Record<string, string> };

/** The sign-in and save actions as the pages send them, recorded from chromium. */
async function recordActions(
  appUrl: string,
  username: string,
  reportId: string,
): Promise<{ signIn: Recorded; save: Recorded }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ baseURL: appUrl, locale: "zh-CN" });
    const page = await context.newPage();
    const pick = (sent: Record<string, string>, names: string[]) =>
      Object.fromEntries(names.filter((name) => sent[name]).map((name) => [name, sent[name]!]));
    const wanted = ["next-action", "next-router-state-tree", "content-type", "accept", "origin"];

    await page.goto("/login");
    const signInRequest = page.waitForRequest(
      (each) => each.method() === "POST" && Boolean(each.headers()["next-action"]),
    );
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(PEAK_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    const signIn = await signInRequest;
    await page.getByTestId("current-user").waitFor();

    await page.goto(`/clerk/reports/${reportId}`);
    const saveRequest = page.waitForRequest(
      (each) => each.method() === "POST" && Boolean(each.headers()["next-action"]),
    );
    await page
      .getByRole("navigation", { name: "填报步骤" })
      .getByRole("button", { name: "六、其他需要报告的事项" })
      .click();
    await page.locator('[id="field-s6"]').fill("录制一次保存。");
    const save = await saveRequest;
    await page.getByTestId("save-status").and(page.locator('[data-status="saved"]')).waitFor({ timeout: 30_000 });
    return {
      signIn: { url: signIn.url(), headers: pick(await signIn.allHeaders(), wanted) },
      save: { url: save.url(), headers: pick(await save.allHeaders(), wanted) },
    };
  } finally {
    await browser.close();
  }
}

/** Session cookies from a sign-in's answer. */
function cookiesOf(answer: Answer): string {
  const setCookie = answer.headers["set-cookie"] ?? [];
  return setCookie.map((line) => line.split(";")[0]!).join("; ");
}

/** The recorded request sent to another instance: its URL and the Origin its page would send. */
function onInstance(recorded: Recorded, instanceUrl: string): Recorded {
  const url = new URL(recorded.url);
  const instance = new URL(instanceUrl);
  url.host = instance.host;
  return { url: url.toString(), headers: { ...recorded.headers, origin: instance.origin } };
}

async function signInAll(
  signIn: Recorded,
  accounts: readonly { username: string; instanceUrl: string }[],
  tally: Tally,
): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  await eachLimited(accounts, SIGN_IN_CONCURRENCY, async ({ username, instanceUrl }) => {
    const target = onInstance(signIn, instanceUrl);
    const answer = await request(target.url, {
      method: "POST",
      headers: target.headers,
      body: JSON.stringify([{ username, password: PEAK_PASSWORD }]),
    });
    const result = actionResult(answer.text);
    const cookie = cookiesOf(answer);
    if (answer.status !== 200 || !result?.ok || !cookie)
      throw new Error(`sign-in of ${username} failed: ${answer.status} ${answer.text.slice(0, 200)}`);
    tally.record(answer.ms);
    cookies.set(username, cookie);
  });
  return cookies;
}

/** One active clerk: their report's draft, the saves they made and what was acknowledged. */
type Clerk = {
  username: string;
  reportId: string;
  /** The app instance this clerk's browser talks to. */
  instanceUrl: string;
  cookie: string;
  draft: ClerkDraft;
  /** The report's version when the peak started: revisions up to it are not the bench's. */
  startVersion: number;
  /** The server version the next save is based on. */
  version: number;
  inFlight: boolean;
  pending: boolean;
  /** Acknowledged saves: version → the stored data they must have left. */
  acknowledged: Map<number, unknown>;
  /** Saves sent but not acknowledged (timeouts, errors): the version each would have made → their data. */
  unanswered: Map<number, unknown[]>;
  last: { version: number; data: unknown } | null;
};

async function runPeak(
  db: ReturnType<typeof createScriptClient>,
  instances: readonly { url: string; pid: number }[],
  province: Province,
  databasePid: number | undefined,
): Promise<number> {
  const appUrl = instances[0]!.url;
  const instanceFor = (index: number) => instances[index % instances.length]!.url;
  const first = province.activeClerks[0]!;
  const recorded = await recordActions(appUrl, first.username, first.reportId);
  // The recording made a save: the draft of that clerk starts from the stored one again.
  const stored = await db.report.findUniqueOrThrow({ where: { id: first.reportId }, select: { version: true } });
  first.version = stored.version;
  console.log(
    `recorded from chromium: sign-in action ${recorded.signIn.headers["next-action"]}, save action ${recorded.save.headers["next-action"]}`,
  );

  // 1. Sign-in and opening the wizard.
  const signIns = new Tally();
  let started = performance.now();
  const reviewerNames = province.counties.slice(0, REVIEWERS).map((county) => county.reviewer);
  const cookies = await signInAll(
    recorded.signIn,
    [
      ...province.activeClerks.map((each, index) => ({ username: each.username, instanceUrl: instanceFor(index) })),
      ...reviewerNames.map((username, index) => ({ username, instanceUrl: instanceFor(index) })),
    ],
    signIns,
  );
  const signInSeconds = (performance.now() - started) / 1000;
  console.log(
    `sign-in of ${cookies.size} accounts (${SIGN_IN_CONCURRENCY} at a time, argon2id each): ${signInSeconds.toFixed(1)} s = ` +
      `${(cookies.size / signInSeconds).toFixed(1)}/s · ${signIns
        .describe(Math.max(1, Math.round(signInSeconds)))
        .split(" · ")
        .slice(1)
        .join(" · ")}`,
  );
  const recordedReportId = new URL(recorded.save.url).pathname.split("/").at(-1)!;
  const clerks: Clerk[] = province.activeClerks.map((each, index) => ({
    username: each.username,
    reportId: each.reportId,
    instanceUrl: instanceFor(index),
    cookie: cookies.get(each.username)!,
    draft: each.draft,
    startVersion: each.version,
    version: each.version,
    inFlight: false,
    pending: false,
    acknowledged: new Map(),
    unanswered: new Map(),
    last: null,
  }));
  const opens = new Tally();
  started = performance.now();
  await eachLimited(clerks, SIGN_IN_CONCURRENCY, async (clerk) => {
    const answer = await request(`${clerk.instanceUrl}/clerk/reports/${clerk.reportId}`, {
      headers: { cookie: clerk.cookie },
    });
    const problem = pageProblem(answer, 'data-testid="step-title"');
    if (problem) opens.fail(problem);
    else opens.record(answer.ms);
  });
  const openSeconds = (performance.now() - started) / 1000;
  console.log(
    `${clerks.length} wizard pages opened (${SIGN_IN_CONCURRENCY} at a time) in ${openSeconds.toFixed(1)} s: ${opens
      .describe(Math.max(1, Math.round(openSeconds)))
      .split(" · ")
      .slice(1)
      .join(" · ")}`,
  );

  // 2. The peak.
  const saves = new Tally();
  let savesSent = 0;
  let savesCoalesced = 0;
  /** Saves the app answered (acknowledged or refused) within the window, for the CPU per save. */
  let answeredInWindow = 0;
  let measuring = false;
  let running = true;
  const saveHeaders = (clerk: Clerk) => ({
    ...recorded.save.headers,
    origin: new URL(clerk.instanceUrl).origin,
    // The router state names the page's own report; the browser's names each clerk's.
    "next-router-state-tree": recorded.save.headers["next-router-state-tree"]!.replaceAll(
      recordedReportId,
      clerk.reportId,
    ),
    cookie: clerk.cookie,
  });
  const sendSave = async (clerk: Clerk): Promise<void> => {
    clerk.inFlight = true;
    clerk.pending = false;
    const expectedVersion = clerk.version;
    const payload = clerk.draft.payload();
    const expected = clerk.draft.expectedStored();
    savesSent += 1;
    const countIt = measuring;
    try {
      const answer = await request(`${clerk.instanceUrl}/clerk/reports/${clerk.reportId}`, {
        method: "POST",
        headers: saveHeaders(clerk),
        body: JSON.stringify([{ reportId: clerk.reportId, expectedVersion, ...payload }]),
      });
      const result = actionResult(answer.text);
      if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
      if (!result) throw new Error("no action result");
      if (result.ok) {
        const { version } = result.data as { version: number };
        if (version !== expectedVersion + 1) throw new Error(`answered version ${version} after ${expectedVersion}`);
        clerk.version = version;
        clerk.acknowledged.set(version, expected);
        clerk.last = { version, data: expected };
        if (countIt && measuring) saves.record(answer.ms);
        if (measuring) answeredInWindow += 1;
      } else {
        keepUnanswered(clerk, expectedVersion + 1, expected);
        // As the wizard does on a conflict: take the server's version (and merge; nobody else
        // edits these reports, so the merge is the clerk's own values).
        const details = result.details as { version?: number } | undefined;
        if (result.code === "CONFLICT" && typeof details?.version === "number") clerk.version = details.version;
        if (countIt) saves.fail(`action ${result.code}`);
        if (measuring) answeredInWindow += 1;
      }
    } catch (error) {
      keepUnanswered(clerk, expectedVersion + 1, expected);
      if (countIt) saves.fail(error instanceof Error ? error.message : String(error));
    } finally {
      clerk.inFlight = false;
    }
    if (clerk.pending && running) await sendSave(clerk);
  };
  const periodMs = (ACTIVE / RATE) * 1000;
  const clerkLoops = clerks.map(async (clerk, index) => {
    // Spread over one period, so the rate is even from the start.
    await sleep((index / clerks.length) * periodMs);
    let next = performance.now();
    while (running) {
      clerk.draft.edit();
      if (clerk.inFlight) {
        clerk.pending = true;
        if (measuring) savesCoalesced += 1;
      } else void sendSave(clerk);
      next += periodMs;
      await sleep(Math.max(0, next - performance.now()));
    }
  });

  const boardTally = new Tally();
  const reviewTally = new Tally();
  const sorts = ["name", "status", "submitted", "deadline", "findings"];
  const reviewerLoops = province.counties.slice(0, REVIEWERS).map(async (county, index) => {
    const cookie = cookies.get(county.reviewer)!;
    await sleep((index / Math.max(1, REVIEWERS)) * 5_000);
    for (let turn = 0; running; turn += 1) {
      const board = await request(
        `${instanceFor(index)}/review/board?year=${province.year}&sort=${sorts[turn % sorts.length]}&dir=${turn % 2 ? "desc" : "asc"}`,
        { headers: { cookie } },
      ).catch((error: Error) => error);
      if (measuring) {
        const problem = board instanceof Error ? board.message : pageProblem(board, 'data-testid="season-board"');
        if (problem) boardTally.fail(problem);
        else boardTally.record((board as Answer).ms);
      }
      await sleep(2_000);
      const reportId = county.submittedReportIds[turn % county.submittedReportIds.length];
      if (reportId) {
        const report = await request(`${instanceFor(index)}/review/reports/${reportId}`, { headers: { cookie } }).catch(
          (error: Error) => error,
        );
        if (measuring) {
          const problem = report instanceof Error ? report.message : pageProblem(report, 'data-testid="report-title"');
          if (problem) reviewTally.fail(problem);
          else reviewTally.record((report as Answer).ms);
        }
      }
      await sleep(8_000);
    }
  });

  const citizenTallies = { catalogue: new Tally(), page: new Tally(), pdf: new Tally() };
  const citizenLoops = Array.from({ length: CITIZENS }, async (_, index) => {
    await sleep((index / Math.max(1, CITIZENS)) * 2_000);
    for (let turn = 0; running; turn += 1) {
      const published = province.publishedReportIds[(index * 7 + turn) % province.publishedReportIds.length];
      const county = province.counties[turn % Math.max(1, PUBLISHED_COUNTIES)]!;
      const visits: [Tally, string][] = [
        [citizenTallies.catalogue, turn % 2 ? `/?year=${province.year - 1}` : `/?county=${county.id}`],
        ...(published
          ? ([
              [citizenTallies.page, `/reports/${published}`],
              [citizenTallies.pdf, `/reports/${published}/pdf`],
            ] as [Tally, string][])
          : []),
      ];
      for (const [tally, target] of visits) {
        const answer = await request(`${instanceFor(index)}${target}`, {}).catch((error: Error) => error);
        if (measuring) {
          const problem =
            answer instanceof Error ? answer.message : answer.status === 200 ? null : `HTTP ${answer.status}`;
          if (problem) tally.fail(problem);
          else tally.record((answer as Answer).ms);
        }
        await sleep(1_000);
      }
    }
  });

  await sleep(WARM_UP * 1000);
  const loadBefore = load();
  const cpuBefore = {
    app: instances.reduce((sum, instance) => sum + treeCpuSeconds(instance.pid), 0),
    database: databasePid ? treeCpuSeconds(databasePid) : 0,
    bench: process.cpuUsage(),
    machine: machineCpuSeconds(),
  };
  windowMarks.start = Date.now();
  measuring = true;
  const windowStart = performance.now();
  await sleep(SECONDS * 1000);
  measuring = false;
  const windowSeconds = (performance.now() - windowStart) / 1000;
  windowMarks.end = Date.now();
  const cpuAfter = {
    app: instances.reduce((sum, instance) => sum + treeCpuSeconds(instance.pid), 0),
    database: databasePid ? treeCpuSeconds(databasePid) : 0,
    bench: process.cpuUsage(cpuBefore.bench),
    machine: machineCpuSeconds(),
  };
  const loadAfter = load();
  running = false;
  await Promise.all([...clerkLoops, ...reviewerLoops, ...citizenLoops]);
  // Saves still in flight finish before the database is read.
  while (clerks.some((clerk) => clerk.inFlight)) await sleep(50);

  const shown = Math.round(windowSeconds);
  console.log(
    `\nmeasured window ${windowSeconds.toFixed(1)} s (load average ${loadBefore} before, ${loadAfter} after)`,
  );
  console.log(`saves (offered ${RATE.toFixed(0)}/s): ${saves.describe(shown)}`);
  console.log(
    `  ${savesSent} saves sent in all; ${savesCoalesced} edits in the window waited for the clerk's save in flight (sent when it returned)`,
  );
  console.log(`reviewers' season board: ${boardTally.describe(shown)}`);
  console.log(`reviewers' report page:  ${reviewTally.describe(shown)}`);
  console.log(`citizens' catalogue:     ${citizenTallies.catalogue.describe(shown)}`);
  console.log(`citizens' report page:   ${citizenTallies.page.describe(shown)}`);
  console.log(`citizens' PDF:           ${citizenTallies.pdf.describe(shown)}`);
  const cores = (seconds: number) => `${(seconds / windowSeconds).toFixed(2)} cores`;
  const used = {
    app: cpuAfter.app - cpuBefore.app,
    database: cpuAfter.database - cpuBefore.database,
    bench: (cpuAfter.bench.user + cpuAfter.bench.system) / 1e6,
    machine: cpuAfter.machine - cpuBefore.machine,
  };
  console.log(
    `CPU in the window (of ${os.cpus().length} cores): app ${cores(used.app)}, PostgreSQL ${cores(used.database)}, ` +
      `this load generator ${cores(used.bench)}, everything else on the machine ` +
      `${cores(Math.max(0, used.machine - used.app - used.database - used.bench))}`,
  );
  if (answeredInWindow > 0) {
    const perSave = (seconds: number) => (seconds * 1000) / answeredInWindow;
    const ceiling = (os.cpus().length * 1000) / (perSave(used.app) + perSave(used.database) + perSave(used.bench));
    console.log(
      `CPU per save answered (${answeredInWindow}; the other traffic's share included): app ${perSave(used.app).toFixed(1)} ms, ` +
        `PostgreSQL ${perSave(used.database).toFixed(1)} ms, load generator ${perSave(used.bench).toFixed(1)} ms — ` +
        `all ${os.cpus().length} cores for this alone would answer about ${ceiling.toFixed(0)} saves/s, ` +
        `one app process (its one JavaScript thread) about ${(1000 / perSave(used.app)).toFixed(0)} (an upper bound: the app's CPU includes its GC and I/O threads)`,
    );
  }

  // 3. Nothing lost, nothing doubled.
  const problems = await verifySaves(db, clerks);
  const acknowledged = clerks.reduce((sum, clerk) => sum + clerk.acknowledged.size, 0);
  const unanswered = clerks.reduce(
    (sum, clerk) => sum + [...clerk.unanswered.values()].reduce((count, list) => count + list.length, 0),
    0,
  );
  if (problems.length === 0)
    console.log(
      `check: all ${acknowledged} acknowledged saves of ${clerks.length} reports are in the database exactly once with the data sent; ` +
        `every report's version and data are its last acknowledged save's` +
        (unanswered ? ` (${unanswered} saves were not acknowledged)` : ""),
    );
  else {
    console.log(`check FAILED: ${problems.length} problems`);
    for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);
  }
  return problems.length === 0 ? 0 : 1;
}

function keepUnanswered(clerk: Clerk, version: number, data: unknown): void {
  clerk.unanswered.set(version, [...(clerk.unanswered.get(version) ?? []), data]);
}

/** Every acknowledged save against the database: the report's last state and each revision. */
async function verifySaves(db: ReturnType<typeof createScriptClient>, clerks: readonly Clerk[]): Promise<string[]> {
  const problems: string[] = [];
  for (let at = 0; at < clerks.length; at += 50) {
    const batch = clerks.slice(at, at + 50);
    const ids = batch.map((clerk) => clerk.reportId);
    const reports = new Map(
      (await db.report.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, data: true } })).map(
        (report) => [report.id, report],
      ),
    );
    const revisions = await db.reportRevision.findMany({
      where: { reportId: { in: ids } },
      select: { reportId: true, version: true, data: true },
    });
    for (const clerk of batch) {
      const report = reports.get(clerk.reportId)!;
      const own = revisions.filter((revision) => revision.reportId === clerk.reportId);
      for (const [version, data] of clerk.acknowledged) {
        const found = own.filter((revision) => revision.version === version);
        if (found.length !== 1)
          problems.push(`${clerk.username}: acknowledged version ${version} stored ${found.length} times`);
        else if (!isDeepStrictEqual(found[0]!.data, data))
          problems.push(`${clerk.username}: revision ${version} differs from the save acknowledged`);
      }
      // A revision no acknowledged save made must be one whose answer was lost, with its data.
      for (const revision of own) {
        if (clerk.acknowledged.has(revision.version) || revision.version <= clerk.startVersion) continue;
        const sent = clerk.unanswered.get(revision.version) ?? [];
        if (!sent.some((data) => isDeepStrictEqual(revision.data, data)))
          problems.push(`${clerk.username}: revision ${revision.version} matches no save sent`);
      }
      // The report is its last acknowledged save, or a later save whose answer was lost.
      const last = clerk.last ?? { version: clerk.startVersion, data: undefined };
      if (report.version === last.version) {
        if (last.data !== undefined && !isDeepStrictEqual(report.data, last.data))
          problems.push(`${clerk.username}: stored data differs from the last acknowledged save`);
      } else if (
        report.version < last.version ||
        !(clerk.unanswered.get(report.version) ?? []).some((data) => isDeepStrictEqual(report.data, data))
      )
        problems.push(`${clerk.username}: version ${report.version}, last acknowledged ${last.version}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Set-up.

console.log(
  `peak: ${UNITS} units (${PER_COUNTY} per county), ${ACTIVE} active clerks at ${RATE.toFixed(0)} saves/s ` +
    `(each every ${((ACTIVE / RATE) * 1000).toFixed(0)} ms), ${REVIEWERS} reviewers, ${CITIZENS} citizens; ` +
    `${WARM_UP} s warm-up + ${SECONDS} s measured; ${INSTANCES} app instance${INSTANCES > 1 ? "s" : ""}; ${os.cpus().length} cores, load average ${load()}`,
);
const database = await startThrowawayServer(process.env.DATABASE_URL);
const profileDir = path.join(root, ".data", "peak-profiles", String(process.pid));
let exitCode = 0;
try {
  const databaseUrl = await database.createDatabase(`nianbao_bench_peak_${process.pid}`);
  await applyMigrations(databaseUrl);
  const db = createScriptClient(databaseUrl);
  const started = performance.now();
  const province: Province = await writeProvince(db, {
    units: UNITS,
    unitsPerCounty: PER_COUNTY,
    active: ACTIVE,
    publishedCounties: PUBLISHED_COUNTIES,
  });
  console.log(
    `set-up: ${province.counties.length} counties, ${UNITS} units, ${province.accounts} accounts, ` +
      `${province.reports} reports (${province.publications} published last year) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const authSecret = randomBytes(32).toString("base64url");
  await buildIfChanged(databaseUrl, authSecret);
  if (options["cpu-prof"]) fs.mkdirSync(profileDir, { recursive: true });
  // Several instances on one database (the app keeps no state of its own): each clerk,
  // reviewer and citizen talks to one of them, in turn.
  const apps: AppServer[] = [];
  let exitedAt = 0;
  try {
    for (let instance = 0; instance < INSTANCES; instance += 1) {
      if (!(await isPortFree(PORT + instance))) throw new Error(`port ${PORT + instance} is taken: --port=<another>`);
      apps.push(
        await startAppServer({
          port: PORT + instance,
          databaseUrl,
          authSecret,
          quiet: true,
          nodeArguments: options["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
        }),
      );
    }
    const instances = apps.map((app) => ({ url: app.url, pid: app.process.pid! }));
    exitCode = await runPeak(db, instances, province, database.pid());
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    exitedAt = Date.now();
    await db.$disconnect();
  }
  if (options["cpu-prof"]) {
    const profiles = fs.readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile"));
    for (const name of profiles) {
      console.log(`\nCPU profile of the app (${path.relative(root, path.join(profileDir, name))}), the window only:`);
      for (const line of summarizeCpuProfile(path.join(profileDir, name), { ...windowMarks, exitedAt }))
        console.log(`  ${line}`);
    }
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  agent.destroy();
  await database.stop();
}
process.exit(exitCode);
