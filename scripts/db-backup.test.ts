/**
 * `npm run db:backup` and `npm run db:restore` as an operator runs them, on the embedded
 * cluster of a DATA_DIR of their own: a backup while the database runs (as under `npm
 * start`) and while it does not; a restore refused while the database is in use, refused
 * over data without --force, done with it.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { applyMigrations } from "./lib/migrate";
import { startEmbeddedPostgres, type RunningDatabase } from "./lib/postgres";
import { reachableTemporaryDirectory, serverAccount } from "./lib/postgres-access";
import { createScriptClient } from "./lib/prisma-client";

const root = path.resolve(import.meta.dirname, "..");
let dataDir: string;

function run(script: string, ...args: string[]) {
  // The embedded cluster of DATA_DIR, not the test run's server.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), `scripts/${script}.ts`, "--", ...args],
    { cwd: root, env, encoding: "utf8", timeout: 180_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The cluster as `npm start` keeps it (DATA_DIR/postgres). */
function startCluster(): Promise<RunningDatabase> {
  return startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
}

beforeAll(async () => {
  dataDir = await reachableTemporaryDirectory(serverAccount(), "nianbao-db-backup-");
  await fs.mkdir(path.join(dataDir, "postgres"), { recursive: true, mode: 0o711 });
  const database = await startCluster();
  try {
    await applyMigrations(database.url);
    const client = createScriptClient(database.url);
    await seedDemo(client, { withPublishedReports: false });
    await client.$disconnect();
  } finally {
    await database.stop();
  }
}, 180_000);

afterAll(async () => {
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe("npm run db:backup / db:restore", () => {
  it("backs up the embedded database while it runs and while it does not, and restores it", async () => {
    const running = await startCluster();
    let whileRunning: ReturnType<typeof run>;
    let restoreWhileRunning: ReturnType<typeof run>;
    try {
      whileRunning = run("db-backup");
      restoreWhileRunning = run("db-restore", path.join(dataDir, "absent.sql.gz"));
    } finally {
      await running.stop();
    }
    expect(whileRunning.output).toContain("已备份内置数据库（PostgreSQL 18.");
    expect(whileRunning.status).toBe(0);
    const backups = await fs.readdir(path.join(dataDir, "backups"));
    expect(backups).toEqual([expect.stringMatching(/^nianbao-\d{8}-\d{6}\.sql\.gz$/)]);
    expect(restoreWhileRunning.status).toBe(1);
    expect(restoreWhileRunning.output).toContain("npm start 正在使用内置数据库");

    const file = path.join(dataDir, "stopped.sql.gz");
    const whileStopped = run("db-backup", file);
    expect(whileStopped.status).toBe(0);
    expect(run("db-backup", file).output).toContain("已存在：不覆盖已有的备份");

    const refused = run("db-restore", file);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/数据库 nianbao 中已有数据.*--force/);

    const restored = run("db-restore", file, "--force");
    expect(restored.output).toMatch(/0 份报告、0 个发布版本、\d+ 条操作记录/);
    expect(restored.status).toBe(0);
    const database = await startCluster();
    try {
      const client = createScriptClient(database.url);
      expect(await client.user.count()).toBeGreaterThan(10);
      await client.$disconnect();
    } finally {
      await database.stop();
    }
  }, 300_000);

  it("says how to call it when the arguments are wrong", () => {
    const backup = run("db-backup", "--all");
    expect(backup.status).toBe(1);
    expect(backup.output).toContain("用法：npm run db:backup");
    const restore = run("db-restore");
    expect(restore.status).toBe(1);
    expect(restore.output).toContain("请给出一个备份文件");
  });
});
