import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";

// One Prisma client per process (Next.js dev reloads modules, hence the global). Timeouts
// are set so a database that is down makes a save fail fast with a clear message instead
// of hanging the request (pg's pool waits forever by default).
function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: env().DATABASE_URL,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { nianbaoPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.nianbaoPrisma ?? createClient();
if (env().NODE_ENV !== "production") globalForPrisma.nianbaoPrisma = db;

export type { PrismaClient };
