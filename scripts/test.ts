// npm test: type checking, lint and format checks, unit tests (Vitest, with a throw-away PostgreSQL where a test
// needs one) and browser tests (Playwright + Debian Chromium against the production build).
// First installs the operating-system tools the tests need when they are missing (Debian's
// chromium and poppler-utils, see scripts/lib/system-tools.ts). Runs every stage even when
// one fails, then prints one summary line.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { findFreePort } from "./lib/postgres";
import { ensureSystemTools, testTools } from "./lib/system-tools";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type Stage = {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  count?: () => Promise<{ passed: number; failed: number } | null>;
  /** Needs the browser: skipped (and failed) when it could not be installed. */
  needsBrowser?: boolean;
};

function run(stage: Stage): Promise<number> {
  return new Promise((resolve) => {
    console.log(`\n=== ${stage.name} ===`);
    const child = spawn(stage.command, stage.args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...stage.env },
    });
    child.on("close", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(path.join(root, file), "utf8"));
}

const e2ePort = process.env.E2E_PORT ?? String(await findFreePort());
const stages: Stage[] = [
  { name: "类型检查 (tsc)", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  { name: "代码规范 (eslint)", command: bin("eslint"), args: ["--max-warnings=0", "."] },
  { name: "代码格式 (prettier)", command: bin("prettier"), args: ["--check", "--log-level=warn", "."] },
  {
    name: "单元测试 (vitest)",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"],
    count: async () => {
      const report = (await readJson("test-results/unit.json")) as { numPassedTests: number; numFailedTests: number };
      return { passed: report.numPassedTests, failed: report.numFailedTests };
    },
  },
  {
    name: "浏览器测试 (playwright)",
    command: bin("playwright"),
    args: ["test"],
    env: { E2E_PORT: e2ePort, CI: "1" },
    needsBrowser: true,
    count: async () => {
      const report = (await readJson("test-results/e2e.json")) as {
        stats: { expected: number; unexpected: number; flaky: number };
      };
      return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
    },
  },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let failedStages: string[] = [];
await fs.mkdir(path.join(root, "test-results"), { recursive: true });
let areToolsMissing = false;
try {
  await ensureSystemTools(testTools(process.env.CHROMIUM_PATH));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  areToolsMissing = true;
}
for (const stage of stages) {
  if (only.length > 0 && !only.some((name) => stage.name.includes(name))) continue;
  if (stage.needsBrowser && areToolsMissing) {
    console.log(`\n=== ${stage.name} ===\n未运行：缺少测试所需的软件（见上）。`);
    failedStages = [...failedStages, stage.name];
    failed += 1;
    continue;
  }
  const code = await run(stage);
  const counts = stage.count ? await stage.count().catch(() => null) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  if (code !== 0) {
    failedStages = [...failedStages, stage.name];
    if (!counts || counts.failed === 0) failed += 1;
  }
}
console.log(failedStages.length ? `\n未通过：${failedStages.join("、")}` : "\n全部通过。");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStages.length ? 1 : 0);
