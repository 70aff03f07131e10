import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";

// One Prisma client per process (Next.js dev reloads modules, hence the global). pg's pool
// waits forever by default, so a database that is down or paused (a stopped server still
// accepts TCP connections, then never answers) would leave a save pending; every wait is
// bounded instead, and the failure is reported as UNAVAILABLE (lib/server/errors.ts).
function createClient(connectionString: string): PrismaClient {
  const timeoutMs = env().DATABASE_TIMEOUT_MS;
  const adapter = new PrismaPg({
    connectionString,
    max: 10,
    // Opening a connection, or waiting for a free one.
    connectionTimeoutMillis: timeoutMs,
    // A live server cancels a statement that runs longer…
    statement_timeout: timeoutMs,
    // …and the client gives up on a server that stopped answering altogether, a little
    // later, so a live server's own cancellation (which keeps the connection usable) wins.
    query_timeout: timeoutMs + 1_000,
    idleTimeoutMillis: 30_000,
  });
  // An interactive transaction (a save, a transition) first waits for a connection, by
  // default only 2 s: under load (bench/peak.bench.ts) saves failed with 服务暂时不可用 while
  // a connection was still due within the same bound every other wait has.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: timeoutMs } });
}

const globalForPrisma = globalThis as unknown as { nianbaoPrisma?: PrismaClient; nianbaoReadReplica?: PrismaClient };

export const db: PrismaClient = globalForPrisma.nianbaoPrisma ?? createClient(env().DATABASE_URL);
if (env().NODE_ENV !== "production") globalForPrisma.nianbaoPrisma = db;

/**
 * The second client, on the read replica (DATABASE_READ_URL), or null without one. Only the
 * public pages read through it, and only by way of lib/publications/public-site-reads.ts,
 * which falls back to `db` while the replica has not caught up with a change announced.
 */
export const readReplicaDb: PrismaClient | null = (() => {
  const url = env().DATABASE_READ_URL;
  if (!url) return null;
  const client = globalForPrisma.nianbaoReadReplica ?? createClient(url);
  if (env().NODE_ENV !== "production") globalForPrisma.nianbaoReadReplica = client;
  return client;
})();

export type { PrismaClient };
