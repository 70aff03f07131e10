/**
 * A real PostgreSQL for the review and publication tests: throw-away cluster, migrations,
 * demo organizations and users. Sets DATABASE_URL (and a random AUTH_SECRET) for
 * lib/server/env before the test imports the modules that open the connection pool.
 */
import { randomBytes } from "node:crypto";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { applyMigrations } from "@/scripts/lib/migrate";
import { createScriptClient } from "@/scripts/lib/prisma-client";
import { startThrowawayServer } from "@/scripts/lib/throwaway-database";

export async function startReviewDatabase(name: string): Promise<{ databaseUrl: string; stop: () => Promise<void> }> {
  const server = await startThrowawayServer(process.env.DATABASE_URL);
  const databaseUrl = await server.createDatabase(`${name}_${process.pid}`);
  await applyMigrations(databaseUrl);
  const client = createScriptClient(databaseUrl);
  // The review and public-site tests assert over the whole catalogue: no seed reports.
  await seedDemo(client, { withPublishedReports: false });
  await client.$disconnect();
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  return {
    databaseUrl,
    stop: async () => {
      const { db } = await import("@/lib/server/db");
      await db.$disconnect();
      await server.stop();
    },
  };
}
