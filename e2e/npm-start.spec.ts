import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort } from "../scripts/lib/postgres";

// `npm start` as an operator meets it, run as a second instance (its own data folder, port
// and embedded PostgreSQL) on the build the global setup made: it prints the demo logins,
// restarts a PostgreSQL that was killed, answers within the database timeouts while the
// database is paused and recovers by itself, and when the app dies it stops the database,
// says why and exits non-zero.
const root = path.resolve(import.meta.dirname, "..");

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every live process below `pid`. */
function descendantsOf(pid: number): number[] {
  const all = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
  const found: number[] = [];
  const frontier = [pid];
  while (frontier.length > 0) {
    const parent = frontier.pop()!;
    for (const candidate of all)
      if (parentOf(candidate) === parent) {
        found.push(candidate);
        frontier.push(candidate);
      }
  }
  return found;
}

/** The postmaster (the `postgres` process whose parent is not another postgres process). */
function postmasterOf(start: ChildProcess): number | undefined {
  return descendantsOf(start.pid!).find(
    (pid) => /bin\/postgres /.test(commandOf(pid)) && !/bin\/postgres /.test(commandOf(parentOf(pid) ?? 0)),
  );
}

test.describe("npm start", () => {
  test.describe.configure({ timeout: 240_000 });
  let start: ChildProcess | undefined;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "nianbao-start-"));
    // As a project folder usually is: open to the `postgres` user (the private case is
    // scripts/lib/postgres-access.test.ts).
    await fs.chmod(dataDir, 0o755);
  });

  test.afterAll(async () => {
    if (start?.pid && start.exitCode === null) {
      start.kill("SIGINT");
      await new Promise((resolve) => start?.once("exit", resolve));
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  test("supervises PostgreSQL and the app", async ({ page }) => {
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, APP_URL: url };
    delete env.DATABASE_URL;
    delete env.AUTH_SECRET;
    let output = "";
    start = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    start.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    start.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<{ code: number | null }>((resolve) => start!.once("exit", (code) => resolve({ code })));
    const saw = (text: string, timeout = 30_000) =>
      expect.poll(() => output, { timeout, message: `npm start printed ${text}` }).toContain(text);

    await saw("年报已启动", 180_000);
    expect(output).toContain("演示账号（密码均为 nianbao-demo）");
    expect(output).toMatch(/dongfeng\s+董封乡/);
    expect((await fetch(`${url}/`)).status).toBe(200);

    // PostgreSQL killed outright: restarted, and the app answers again without help.
    const killed = postmasterOf(start);
    expect(killed).toBeDefined();
    const beforeKill = output.length;
    process.kill(killed!, "SIGKILL");
    await saw("数据库进程意外退出（信号 SIGKILL）");
    await saw("数据库已重新启动");
    await expect.poll(async () => (await fetch(`${url}/api/health`)).status).toBe(200);
    expect(postmasterOf(start)).not.toBe(killed);
    // The public site's listener lost its connection too: back, it forgets the kept answers
    // (lib/publications/public-site-notices.ts); the home is kept again by the next request.
    await expect
      .poll(() => output.slice(beforeKill), { timeout: 30_000, message: "the listener reconnected" })
      .toContain("变更通知的监听连接已恢复");
    expect((await fetch(`${url}/`)).status).toBe(200);

    // PostgreSQL paused (accepts connections, never answers): requests fail within the
    // database timeouts instead of hanging, the public home says so in zh-CN, and it all
    // works again as soon as the database runs.
    const postmaster = postmasterOf(start)!;
    const paused = [postmaster, ...descendantsOf(postmaster)];
    for (const pid of paused) process.kill(pid, "SIGSTOP");
    try {
      const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(20_000) });
      expect(health.status).toBe(503);
      // The home as kept in memory (lib/publications/public-answers.ts) still reads; a search
      // not kept yet needs the database and says it is unavailable.
      expect((await fetch(`${url}/`, { signal: AbortSignal.timeout(20_000) })).status).toBe(200);
      const search = await page.goto(`${url}/?q=${encodeURIComponent("董封")}`, { timeout: 20_000 });
      expect(search?.status()).toBe(503);
      await expect(page.getByRole("heading", { name: "页面暂时无法显示" })).toBeVisible();
      await expect(page.getByText("服务暂时不可用，请稍后重试。")).toBeVisible();
    } finally {
      for (const pid of paused) process.kill(pid, "SIGCONT");
    }
    await page.getByRole("button", { name: "重试" }).click();
    await expect(page.getByRole("heading", { name: "政府信息公开工作年度报告" })).toBeVisible();
    // 重试 asks for the same search again.
    await expect(page.getByTestId("publications")).toContainText("董封乡");

    // The app dies: the database is stopped, the reason printed, the exit code non-zero.
    // The app server: scripts/serve-app.mjs (Next.js's request handler in a process of its own).
    const app = descendantsOf(start.pid!).find((pid) => /serve-app\.mjs|^next-server/.test(commandOf(pid)));
    expect(app).toBeDefined();
    const database = postmasterOf(start)!;
    process.kill(app!, "SIGKILL");
    const { code } = await exited;
    expect(code).not.toBe(0);
    expect(output).toContain("应用进程意外退出（被信号 SIGKILL 终止），正在停止数据库");
    expect(output).toContain("已停止。");
    expect(isAlive(database)).toBe(false);
  });
});
