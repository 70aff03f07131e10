// npm start: the whole app on one command. Starts PostgreSQL (embedded, data in .data/, or
// the external DATABASE_URL), applies migrations, loads the demo data (see demoChoice),
// builds the app if its sources changed, serves it on PORT (default 3000), prints the demo
// logins or how to create the first administrator.
// It then supervises both: an embedded PostgreSQL that exits is restarted (waiting longer
// after each failure); if the app exits, the database is stopped and the script exits
// non-zero, saying why. Ctrl-C stops the app and the database cleanly. `npm run dev` does
// the same with `next dev`.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ensureAuthSecret } from "./lib/app-secrets";
import { waitForHealth } from "./lib/app-server";
import { applyMigrations } from "./lib/migrate";
import { buildApp, isBuildCurrent } from "./lib/next-build";
import {
  appDataDirectory,
  findFreePort,
  isPortFree,
  startEmbeddedPostgres,
  type RunningDatabase,
} from "./lib/postgres";
import { createScriptClient } from "./lib/prisma-client";
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, demoUsers } from "../prisma/seed/demo-organizations";
import { seedDemo } from "../prisma/seed/seed-demo";

const root = path.resolve(import.meta.dirname, "..");
// DATA_DIR lets tests run a second instance beside a developer's own.
const dataDir = path.resolve(root, process.env.DATA_DIR ?? ".data");
const isDev = process.argv.includes("--dev");
const argumentsGiven = process.argv.slice(2);
const startedAt = performance.now();

function log(message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(5);
  console.log(`[年报 ${seconds}s] ${message}`);
}

function logError(message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(5);
  console.error(`[年报 ${seconds}s] ${message}`);
}

async function startDatabase(onGiveUp: (reason: string) => void): Promise<RunningDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    log(`使用外部数据库（DATABASE_URL）`);
    return { url: external, isEmbedded: false, pid: () => undefined, stop: async () => {} };
  }
  const location = await appDataDirectory(path.join(dataDir, "postgres"), root);
  const inProject = path.relative(root, location.dataDir);
  const shown = inProject.startsWith("..") || path.isAbsolute(inProject) ? location.dataDir : inProject;
  log(
    location.isShared
      ? `启动内置 PostgreSQL（postgres 用户无法进入项目目录，数据保存在 ${shown}）…`
      : `启动内置 PostgreSQL（数据保存在 ${shown}）…`,
  );
  return startEmbeddedPostgres({ dataDir: location.dataDir, supervise: { onGiveUp }, log });
}

/**
 * Whether to load the demo units and accounts. `--demo` always, `--no-demo` never. Otherwise
 * the embedded database gets them (what a newcomer wants), unless it already holds accounts of
 * its own (a county that started with --no-demo does not get the demo accounts by restarting
 * without the switch); a database given by DATABASE_URL never does unless asked with --demo.
 */
async function demoChoice(client: ReturnType<typeof createScriptClient>, isEmbedded: boolean) {
  if (argumentsGiven.includes("--no-demo")) return { load: false, reason: "按 --no-demo 未载入演示数据" };
  if (argumentsGiven.includes("--demo")) return { load: true, reason: "" };
  if (!isEmbedded)
    return { load: false, reason: "使用 DATABASE_URL 时不载入演示数据（如需载入：npm start -- --demo）" };
  const ownAccounts = await client.user.count({ where: { NOT: { email: { endsWith: DEMO_EMAIL_DOMAIN } } } });
  return ownAccounts > 0
    ? { load: false, reason: "数据库中已有非演示账号，未载入演示数据（如需载入：npm start -- --demo）" }
    : { load: true, reason: "" };
}

function exitDescription(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `被信号 ${signal} 终止` : `退出码 ${code}`;
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT 无效：${process.env.PORT}`);
  if (!(await isPortFree(port))) {
    throw new Error(
      `端口 ${port} 已被占用。请关闭占用该端口的程序，或用 PORT=${await findFreePort()} npm start 换一个端口。`,
    );
  }
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

  let database: RunningDatabase | undefined;
  let app: ChildProcess | undefined;
  let isStopping = false;
  const stop = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    log("正在停止…");
    if (app && app.exitCode === null && app.signalCode === null) {
      const exited = new Promise((resolve) => app?.once("exit", resolve));
      app.kill("SIGTERM");
      await exited;
    }
    await database?.stop();
    log("已停止。");
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));

  try {
    database = await startDatabase((reason) => {
      logError(`${reason}。应用无法继续运行，正在停止。`);
      void stop(1);
    });
    log("应用数据库迁移…");
    await applyMigrations(database.url);
    const client = createScriptClient(database.url);
    let welcome: readonly string[];
    try {
      const demo = await demoChoice(client, database.isEmbedded);
      if (demo.load) {
        const { createdUsers, createdReports } = await seedDemo(client);
        const created = [
          createdUsers > 0 && `${createdUsers} 个账号`,
          createdReports > 0 && `${createdReports} 份已发布的报告`,
        ].filter(Boolean);
        log(created.length > 0 ? `已载入演示数据（新建 ${created.join("、")}）` : "演示数据已存在");
        welcome = demoLogins();
      } else {
        log(demo.reason);
        const administrators = await client.user.count({ where: { role: "ADMIN" } });
        welcome =
          administrators > 0
            ? []
            : [
                "还没有系统管理员。创建第一个：npm run admin:create -- <用户名>（显示一次性密码，首次登录时须修改）",
                "",
              ];
      }
    } finally {
      await client.$disconnect();
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: await ensureAuthSecret(dataDir, process.env.AUTH_SECRET),
      APP_URL: appUrl,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!isDev) {
      if (await isBuildCurrent()) log("使用已有的构建");
      else {
        log("构建应用（首次启动或代码有更新，约需 1–3 分钟）…");
        await buildApp({ ...env, NODE_ENV: "production" });
      }
    }
    // Next's own server, with the socket's address appended to X-Forwarded-For (see serve-app.mjs).
    const serveApp = path.join(root, "scripts/serve-app.mjs");
    app = spawn(process.execPath, [serveApp, "--port", String(port), ...(isDev ? ["--dev"] : [])], {
      cwd: root,
      env: { ...env, NODE_ENV: isDev ? "development" : "production" },
      stdio: ["ignore", "inherit", "inherit"],
      // Its own process group: Ctrl-C reaches only this script, which stops the app and then
      // the database, instead of the app dying first and looking like a crash.
      detached: true,
    });
    app.once("exit", (code, signal) => {
      if (isStopping) return;
      logError(
        `应用进程意外退出（${exitDescription(code, signal)}），正在停止数据库。请查看上方的应用日志后重新运行 npm start。`,
      );
      void stop(1);
    });
    await waitForHealth(`http://127.0.0.1:${port}`, app, 120_000);
    printWelcome(appUrl, welcome);
  } catch (error) {
    if (isStopping) return;
    console.error(`\n启动失败：${error instanceof Error ? error.message : String(error)}\n`);
    await stop(1);
  }
}

function demoLogins(): string[] {
  const width = Math.max(...demoUsers.map((user) => user.username.length));
  return [
    `演示账号（密码均为 ${DEMO_PASSWORD}）：`,
    ...demoUsers.map((user) => `  ${user.username.padEnd(width)}  ${user.name}`),
    "",
  ];
}

function printWelcome(appUrl: string, welcome: readonly string[]): void {
  const lines = [
    "",
    `年报已启动：${appUrl}    （启动用时 ${((performance.now() - startedAt) / 1000).toFixed(1)} 秒，按 Ctrl-C 停止）`,
    "",
    ...welcome,
    `公众无需登录即可查阅已发布的报告：${appUrl}/`,
    "",
  ];
  console.log(lines.join("\n"));
}

// Every failure ends in one zh-CN line, never a stack trace.
await main().catch((error: unknown) => {
  console.error(`\n启动失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
