// The database of `npm start` for the other commands (admin:create, db:backup, db:restore):
// DATABASE_URL's server, else the embedded cluster in DATA_DIR, running (under `npm start`)
// or not (then started for the moment and stopped again by `stop`).
import path from "node:path";
import pg from "pg";
import { appDataDirectory, readClusterUrl, startEmbeddedPostgres, type RunningDatabase } from "./postgres";

const root = path.resolve(import.meta.dirname, "../..");

export type AppDatabase = RunningDatabase & {
  /** The embedded server was already running (an `npm start` uses it). */
  wasRunning: boolean;
};

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** `npm start`'s folder for the auth secret, the embedded cluster and the backups. */
export function appDataDir(): string {
  return path.resolve(root, process.env.DATA_DIR ?? ".data");
}

export async function openAppDatabase(): Promise<AppDatabase> {
  const external = process.env.DATABASE_URL;
  if (external)
    return { url: external, isEmbedded: false, wasRunning: true, pid: () => undefined, stop: async () => {} };
  const location = await appDataDirectory(path.join(appDataDir(), "postgres"), root);
  const running = await readClusterUrl(location.dataDir);
  if (running && (await isReachable(running)))
    return { url: running, isEmbedded: true, wasRunning: true, pid: () => undefined, stop: async () => {} };
  return { ...(await startEmbeddedPostgres({ dataDir: location.dataDir })), wasRunning: false };
}
