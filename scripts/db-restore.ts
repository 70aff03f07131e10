// npm run db:restore -- <file> [--force]: restores a backup of `npm run db:backup` into the
// app's database (the embedded one, which must not be in use by a running `npm start`, or
// DATABASE_URL's). A database that holds anything is refused unless --force, which replaces
// all of it; the restore is one transaction, so a failure leaves the database as it was.
import path from "node:path";
import { openAppDatabase } from "./lib/app-database";
import { restoreDatabase } from "./lib/backup/restore-database";

const USAGE = "用法：npm run db:restore -- <备份文件.sql.gz> [--force]";

async function main(): Promise<void> {
  const given = process.argv.slice(2).filter((argument) => argument !== "--");
  const isForced = given.includes("--force");
  const files = given.filter((argument) => argument !== "--force");
  const unknown = files.find((argument) => argument.startsWith("-"));
  if (unknown) throw new Error(`不认识的选项 ${unknown}。${USAGE}`);
  if (files.length !== 1) throw new Error(`请给出一个备份文件。${USAGE}`);
  const file = path.resolve(files[0]!);
  const database = await openAppDatabase();
  try {
    // A running app would keep serving (and caching) what it read before, and write into a
    // database being replaced.
    if (database.isEmbedded && database.wasRunning)
      throw new Error("npm start 正在使用内置数据库：请先停止它（Ctrl-C），再恢复。");
    const summary = await restoreDatabase({ url: database.url, file, force: isForced });
    console.log(
      [
        `已从 ${files[0]} 恢复${database.isEmbedded ? "内置" : "外部（DATABASE_URL）"}数据库：`,
        `  ${summary.reports} 份报告、${summary.publications} 个发布版本、${summary.auditEvents} 条操作记录（共 ${summary.tables} 个表）`,
        "下次 npm start 会应用备份之后新增的数据库迁移（如有）。",
      ].join("\n"),
    );
  } finally {
    await database.stop();
  }
}

await main().catch((error: unknown) => {
  console.error(`未能恢复：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
