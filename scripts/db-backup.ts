// npm run db:backup [-- <file.sql.gz | folder>]: a backup of the app's database (the embedded
// one of `npm start`, running or not, or DATABASE_URL's) with PostgreSQL's pg_dump, by default
// into DATA_DIR/backups/nianbao-<UTC time>.sql.gz. Safe while the app runs: pg_dump reads one
// snapshot. README.md, "Backups", says what a backup holds and how to restore it.
import fs from "node:fs/promises";
import path from "node:path";
import { appDataDir, openAppDatabase } from "./lib/app-database";
import { backupDatabase, backupFileName } from "./lib/backup/backup-database";

async function targetFile(given: string | undefined): Promise<string> {
  if (given && /\.sql(\.gz)?$/.test(given)) return path.resolve(given);
  const folder = given ? path.resolve(given) : path.join(appDataDir(), "backups");
  const isFile = await fs.stat(folder).then(
    (stat) => !stat.isDirectory(),
    () => false,
  );
  if (isFile) throw new Error(`${folder} 已存在且不是文件夹：请给出新的 .sql.gz 文件名或一个文件夹`);
  return path.join(folder, backupFileName());
}

async function main(): Promise<void> {
  const given = process.argv.slice(2).filter((argument) => argument !== "--");
  if (given.length > 1 || given.some((argument) => argument.startsWith("-")))
    throw new Error("用法：npm run db:backup [-- <备份文件.sql.gz 或文件夹>]");
  const file = await targetFile(given[0]);
  if (
    await fs.stat(file).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`${file} 已存在：不覆盖已有的备份`);
  const database = await openAppDatabase();
  try {
    const summary = await backupDatabase({ url: database.url, file });
    const megabytes = (summary.bytes / 1024 / 1024).toFixed(1);
    const shown = path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file);
    console.log(
      [
        `已备份${database.isEmbedded ? "内置" : "外部（DATABASE_URL）"}数据库（PostgreSQL ${summary.serverVersion}，${summary.tool}）：`,
        `  ${shown}（${megabytes} MB）`,
        `恢复：npm run db:restore -- ${shown}`,
      ].join("\n"),
    );
  } finally {
    await database.stop();
  }
}

await main().catch((error: unknown) => {
  console.error(`未能备份：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
