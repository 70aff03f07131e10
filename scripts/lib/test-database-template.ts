/**
 * One migrated, demo-seeded database per test run that every database test copies
 * (`CREATE DATABASE … TEMPLATE`), instead of each test file migrating (~8 s) and seeding
 * its own. The vitest global setup (scripts/lib/vitest-global-setup.ts) starts one server
 * for the run and names the template; the first test file that needs it builds it, under
 * a PostgreSQL advisory lock so parallel test processes build it once, and the others wait
 * for it. It is built under another name and renamed when complete, so a copy never sees
 * half a template.
 */
import { seedDemo } from "@/prisma/seed/seed-demo";
import { applyMigrations } from "./migrate";
import { createDatabase } from "./postgres";
import { createScriptClient } from "./prisma-client";

/** The advisory lock key of template building (any constant the app itself never locks). */
const TEMPLATE_LOCK = 7_261_201;

/** The server's maintenance database on the same server as `url`. */
function adminUrlOf(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

export async function ensureTestTemplate(serverUrl: string, template: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrlOf(serverUrl) });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (existing.rowCount !== 0) return;
    const building = `${template}_building`;
    const url = await createDatabase(serverUrl, building);
    await applyMigrations(url);
    const seeded = createScriptClient(url);
    try {
      await seedDemo(seeded, { withPublishedReports: false });
    } finally {
      await seeded.$disconnect();
    }
    // A template is copied only with nobody connected; the migration tool's sessions may linger.
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [building]);
    await client.query(
      `ALTER DATABASE ${client.escapeIdentifier(building)} RENAME TO ${client.escapeIdentifier(template)}`,
    );
  } finally {
    await client.end();
  }
}

/** A fresh copy of the run's template as database `name`; its URL. */
export async function createTestDatabase(serverUrl: string, template: string, name: string): Promise<string> {
  await ensureTestTemplate(serverUrl, template);
  return createDatabase(serverUrl, name, { template });
}
