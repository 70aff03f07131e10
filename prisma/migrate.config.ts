// Configuration for the migration CLI: Prisma 6.19 (installed as `prisma-migrate`) with
// its WebAssembly schema engine, which runs offline, unlike Prisma 7's migrate, whose
// native engine cannot be downloaded here. It connects through @prisma/adapter-pg 7,
// whose driver understands PostgreSQL 18. scripts/lib/migrate.ts is the only caller and
// passes the derived schema (with the url line Prisma 6 requires) in PRISMA_MIGRATE_SCHEMA.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma-migrate/config";

const databaseUrl = process.env.DATABASE_URL;
const derivedSchema = process.env.PRISMA_MIGRATE_SCHEMA;
if (!databaseUrl || !derivedSchema) throw new Error("run migrations through scripts/lib/migrate.ts");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: derivedSchema,
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: databaseUrl, allowExitOnIdle: true });
  },
});
