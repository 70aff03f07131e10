import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";

/** A Prisma client for scripts (seed, tests); the app uses lib/server/db.ts. */
export function createScriptClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 5_000 }),
  });
}
