// Proves that the versioned migrations produce exactly the database prisma/schema.prisma
// describes: database A is built by `prisma migrate deploy`, database B by the SQL Prisma
// derives from the schema alone; their catalogs must be identical. If this fails after a
// schema change, run `npm run db:migration -- <name>`.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffSchemas, paths } from "../scripts/lib/migrate";
import { startThrowawayServer, type ThrowawayServer } from "../scripts/lib/throwaway-database";

const catalogQueries = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY table_name, column_name`,
  constraints: `SELECT c.relname AS table_name, k.conname, k.contype, pg_get_constraintdef(k.oid) AS definition
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations' ORDER BY c.relname, k.conname`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
  enums: `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
          JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
};

async function describeCatalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(catalogQueries)) result[name] = (await client.query(sql)).rows;
    return result;
  } finally {
    await client.end();
  }
}

async function execute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("migrations and schema.prisma", () => {
  let server: ThrowawayServer;
  beforeAll(async () => {
    server = await startThrowawayServer(process.env.DATABASE_URL);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("migrate deploy yields the database the schema describes", async () => {
    const migrated = await server.createDatabase("drift_migrated");
    await applyMigrations(migrated);
    const fromSchema = await server.createDatabase("drift_from_schema");
    await execute(fromSchema, await diffSchemas(null, paths.schema, fromSchema));

    const [actual, expected] = await Promise.all([describeCatalog(migrated), describeCatalog(fromSchema)]);
    expect(actual.columns?.length).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
  }, 120_000);

  it("a second deploy changes nothing", async () => {
    const database = await server.createDatabase("drift_twice");
    await applyMigrations(database);
    const before = await describeCatalog(database);
    await applyMigrations(database);
    expect(await describeCatalog(database)).toEqual(before);
  }, 120_000);
});
