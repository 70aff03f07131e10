// A real, throw-away PostgreSQL for tests and tooling: a cluster in a temporary directory
// (under the OS temp dir, which the `postgres` system user can always reach), deleted on
// stop. With DATABASE_URL set, databases are created on that external server instead.
import os from "node:os";
import path from "node:path";
import fs from "node:fs/promises";
import { createDatabase, startEmbeddedPostgres, type RunningDatabase } from "./postgres";

export type ThrowawayServer = {
  /** Creates (or re-creates) an empty database and returns its URL. */
  createDatabase: (name: string) => Promise<string>;
  stop: () => Promise<void>;
};

export async function startThrowawayServer(externalUrl?: string): Promise<ThrowawayServer> {
  if (externalUrl) {
    return { createDatabase: (name) => createDatabase(externalUrl, name), stop: async () => {} };
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "nianbao-pg-"));
  const server: RunningDatabase = await startEmbeddedPostgres({ dataDir, isThrowaway: true });
  return {
    createDatabase: (name) => createDatabase(server.url, name),
    stop: async () => {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
