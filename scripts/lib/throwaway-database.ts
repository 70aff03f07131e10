// A real, throw-away PostgreSQL for tests and tooling: a cluster in a temporary directory
// that the server's account can reach (the OS temp dir, or /var/lib/nianbao/tmp when that is
// closed to it), deleted on stop. With DATABASE_URL set, databases are created on that
// external server instead.
import fs from "node:fs/promises";
import { createDatabase, startEmbeddedPostgres, type RunningDatabase } from "./postgres";
import { reachableTemporaryDirectory, serverAccount } from "./postgres-access";

export type ThrowawayServer = {
  /** A connection URL of the server (its maintenance database, or DATABASE_URL as given). */
  url: string;
  /** Creates (or re-creates) an empty database and returns its URL. */
  createDatabase: (name: string) => Promise<string>;
  /** The embedded server's main process (undefined on an external server). */
  pid: () => number | undefined;
  stop: () => Promise<void>;
};

export async function startThrowawayServer(externalUrl?: string): Promise<ThrowawayServer> {
  if (externalUrl) {
    return {
      url: externalUrl,
      createDatabase: (name) => createDatabase(externalUrl, name),
      pid: () => undefined,
      stop: async () => {},
    };
  }
  const dataDir = await reachableTemporaryDirectory(serverAccount(), "nianbao-pg-");
  let server: RunningDatabase;
  try {
    server = await startEmbeddedPostgres({ dataDir, isThrowaway: true });
  } catch (error) {
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    createDatabase: (name) => createDatabase(server.url, name),
    pid: server.pid,
    stop: async () => {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
