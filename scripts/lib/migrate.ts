// Runs Prisma's migration commands (see prisma/migrate.config.ts for why Prisma 6.19's
// CLI). prisma/schema.prisma stays in Prisma 7's form; Prisma 6 also wants a `url` in the
// datasource block, so the CLI reads a derived copy that adds it.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const cliEntry = path.join(root, "node_modules/prisma-migrate/build/index.js");
const preload = path.join(root, "scripts/lib/unref-wasm-timers.cjs");
const configFile = path.join(root, "prisma/migrate.config.ts");
const schemaFile = path.join(root, "prisma/schema.prisma");

export type CliResult = { code: number; stdout: string; stderr: string };

async function writeDerivedSchema(source = schemaFile): Promise<string> {
  const schema = await fs.readFile(source, "utf8");
  const withUrl = schema.replace(
    /datasource db \{\n(\s*)provider\s*=\s*"postgresql"\n/,
    (block, indent: string) => `${block}${indent}url = env("DATABASE_URL")\n`,
  );
  if (withUrl === schema) throw new Error("prisma/schema.prisma: datasource block not in the expected form");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "nianbao-prisma-"));
  const derived = path.join(dir, "schema.prisma");
  await fs.writeFile(derived, withUrl);
  return derived;
}

/** Runs the migration CLI against `databaseUrl` and returns its exit code and output. */
export async function runMigrateCli(args: string[], databaseUrl: string): Promise<CliResult> {
  const derived = await writeDerivedSchema();
  try {
    return await new Promise<CliResult>((resolve, reject) => {
      const child = spawn(process.execPath, ["--require", preload, cliEntry, ...args, "--config", configFile], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PRISMA_MIGRATE_SCHEMA: derived,
          CHECKPOINT_DISABLE: "1",
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          // The CLI insists these engine files exist although the "js" engine never loads
          // them; pointing at any existing file stops it from trying to download them.
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
  } finally {
    await fs.rm(path.dirname(derived), { recursive: true, force: true });
  }
}

/** Applies pending migrations from prisma/migrations (prisma migrate deploy). */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const result = await runMigrateCli(["migrate", "deploy"], databaseUrl);
  if (result.code !== 0) {
    throw new Error(`数据库迁移失败：\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * SQL that takes a database shaped by `fromSchema` (a Prisma schema file; null = empty)
 * to `toSchema`. Both sides are datamodels: the WebAssembly engine cannot introspect a
 * PostgreSQL 18 catalog through the adapter (it fails on the catalog's "char" columns),
 * so nothing here reads a live database.
 */
export async function diffSchemas(fromSchema: string | null, toSchema: string, databaseUrl: string): Promise<string> {
  const derived = await Promise.all([fromSchema, toSchema].map((file) => (file ? writeDerivedSchema(file) : null)));
  try {
    const [from, to] = derived;
    const fromArgs = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
    const result = await runMigrateCli(
      ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", to!, "--script"],
      databaseUrl,
    );
    if (result.code !== 0) throw new Error(`prisma migrate diff failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  } finally {
    await Promise.all(derived.map((file) => file && fs.rm(path.dirname(file), { recursive: true, force: true })));
  }
}

export const paths = {
  schema: schemaFile,
  migrations: path.join(root, "prisma/migrations"),
  /** The schema as of the newest migration: the "from" side of the next migration. */
  snapshot: path.join(root, "prisma/migrations/schema.snapshot.prisma"),
};
