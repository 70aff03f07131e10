// npm run admin:create -- <username> [显示名称]: creates a system administrator and prints a
// one-time password, which the first sign-in must replace. The first account of a database
// started without the demo data (npm start -- --no-demo), or a further administrator later.
// Uses DATABASE_URL, else the embedded PostgreSQL of `npm start` (running or not: when it is
// not running, it is started for the moment and stopped again).
import { openAppDatabase } from "./lib/app-database";
import { applyMigrations } from "./lib/migrate";
import { createScriptClient } from "./lib/prisma-client";
import { createAccount, oneTimePassword, parseUsername } from "../prisma/seed/create-account";

async function main(): Promise<void> {
  const [given, name] = process.argv.slice(2).filter((argument) => argument !== "--");
  if (!given) throw new Error("请给出用户名：npm run admin:create -- <用户名> [显示名称]");
  const parsed = parseUsername(given);
  if (!parsed.ok) throw new Error(parsed.message);
  const { username } = parsed;
  const database = await openAppDatabase();
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
