// The embedded PostgreSQL from a project in a private folder (mode 0700, as root's home is),
// as root: the server runs as `postgres`, who cannot enter that folder, yet both the tests'
// throw-away server and npm start's persistent cluster must start, keep their data across
// a restart, and live where `postgres` can reach them.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isRoot, SHARED_ROOT } from "./postgres-access";

const root = path.resolve(import.meta.dirname, "../..");
// Inside node_modules so that the copy below can be hard links (same file system).
const privateDir = path.join(root, "node_modules", ".cache", `nianbao-private-${randomBytes(4).toString("hex")}`);
const project = path.join(privateDir, "project");
let sharedDir: string | undefined;

const probe = `
import path from "node:path";
import pg from "pg";
import { appDataDirectory, startEmbeddedPostgres } from "./scripts/lib/postgres";
import { startThrowawayServer } from "./scripts/lib/throwaway-database";

async function ask(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const throwaway = await startThrowawayServer();
const throwawayRows = await ask(await throwaway.createDatabase("probe"), "SELECT 1 AS one");
await throwaway.stop();

const location = await appDataDirectory(path.join(process.cwd(), ".data", "postgres"), process.cwd());
const first = await startEmbeddedPostgres({ dataDir: location.dataDir });
await ask(first.url, "CREATE TABLE kept (word text); INSERT INTO kept VALUES ('留存')");
await first.stop();
const second = await startEmbeddedPostgres({ dataDir: location.dataDir });
const keptRows = await ask(second.url, "SELECT word FROM kept");
await second.stop();
console.log(JSON.stringify({ throwawayRows, location, keptRows }));
`;

afterAll(async () => {
  await fs.rm(privateDir, { recursive: true, force: true });
  if (sharedDir) await fs.rm(sharedDir, { recursive: true, force: true });
});

describe.runIf(isRoot())("embedded PostgreSQL in a private folder, as root", () => {
  it("starts the throw-away and the persistent server, with data kept outside the folder", async () => {
    await fs.mkdir(project, { recursive: true });
    await fs.chmod(privateDir, 0o700);
    const modules = (await fs.readdir(path.join(root, "node_modules"))).filter((name) => !name.startsWith("."));
    await fs.mkdir(path.join(project, "node_modules"));
    execFileSync("cp", ["-al", ...modules.map((name) => path.join(root, "node_modules", name)), "node_modules/"], {
      cwd: project,
    });
    execFileSync("cp", ["-al", path.join(root, "scripts"), path.join(root, "package.json"), "."], { cwd: project });
    await fs.writeFile(path.join(project, "probe.ts"), probe);
    // The premise: `postgres` cannot enter the project, so nothing in it is reachable.
    expect(spawnSync("test", ["-x", project], { uid: uidOf("postgres"), gid: gidOf("postgres") }).status).not.toBe(0);

    const run = spawnSync(process.execPath, [path.join(project, "node_modules/tsx/dist/cli.mjs"), "probe.ts"], {
      cwd: project,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
      throwawayRows: Array<{ one: number }>;
      location: { dataDir: string; isShared: boolean };
      keptRows: Array<{ word: string }>;
    };
    sharedDir = path.dirname(result.location.dataDir);
    expect(result.throwawayRows).toEqual([{ one: 1 }]);
    expect(result.location.isShared).toBe(true);
    expect(result.location.dataDir.startsWith(`${SHARED_ROOT}/`)).toBe(true);
    expect(result.keptRows).toEqual([{ word: "留存" }]);
    expect(await fs.readFile(path.join(sharedDir, "project"), "utf8")).toContain(await fs.realpath(project));
  }, 180_000);
});

function uidOf(name: string): number {
  return Number(execFileSync("id", ["-u", name]).toString().trim());
}

function gidOf(name: string): number {
  return Number(execFileSync("id", ["-g", name]).toString().trim());
}
