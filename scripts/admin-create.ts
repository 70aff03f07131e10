// npm run admin:create -- <username> [显示名称]: creates a system administrator and prints a
// one-time password, which the first sign-in must replace. The first account of a database
// started without the demo data (npm start -- --no-demo), or a further administrator later.
// Uses DATABASE_URL, else the embedded PostgreSQL of `npm start` (running or not: when it is
// not running, it is started for the moment and stopped again).
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "./lib/migrate";
import { appDataDirectory, readClusterUrl, startEmbeddedPostgres, type RunningDatabase } from "./lib/postgres";
import { createScriptClient } from "./lib/prisma-client";
import { createAccount, oneTimePassword, parseUsername } from "../prisma/seed/create-account";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, process.env.DATA_DIR ?? ".data");

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function openDatabase(): Promise<RunningDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, isEmbedded: false, pid: () => undefined, stop: async () => {} };
  const location = await appDataDirectory(path.join(dataDir, "postgres"), root);
  const running = await readClusterUrl(location.dataDir);
  if (running && (await isReachable(running)))
    return { url: running, isEmbedded: true, pid: () => undefined, stop: async () => {} };
  return startEmbeddedPostgres({ dataDir: location.dataDir });
}

async function main(): Promise<void> {
  const [given, name] = process.argv.slice(2).filter((argument) => argument !== "--");
  if (!given) throw new Error("请给出用户名：npm run admin:create -- <用户名> [显示名称]");
  const parsed = parseUsername(given);
  if (!parsed.ok) throw new Error(parsed.message);
  const { username } = parsed;
  const database = await openDatabase();
  try {
    await applyMigrations(database.url);
    const client = createScriptClient(database.url);
    try {
      const taken = await client.user.findUnique({ where: { username }, select: { id: true } });
      if (taken) throw new Error(`用户名“${username}”已被使用，请换一个`);
      const password = oneTimePassword();
      await createAccount(client, {
        username,
        name: name ?? "系统管理员",
        role: "ADMIN",
        organizationId: null,
        password,
        mustChangePassword: true,
      });
      console.log(
        [
          `已创建系统管理员 ${username}。`,
          `一次性密码：${password}`,
          "请用它登录；首次登录时须设置新密码。此密码不会再次显示。",
        ].join("\n"),
      );
    } finally {
      await client.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

await main().catch((error: unknown) => {
  console.error(`未能创建管理员：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
