// Restores a backup of backup-database.ts (a plain pg_dump script of INSERTs, gzipped or
// not) into a database: refused when that database already holds anything, unless `force`,
// which replaces everything in it. The whole script goes to the server as one simple-query
// message, which PostgreSQL runs as one transaction: a restore that fails part-way (or a
// file that is not what it should be) leaves the database exactly as it was.
import fs from "node:fs/promises";
import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import pg from "pg";

const DUMP_START = "--\n-- PostgreSQL database dump\n--\n";
const DUMP_END = "\n-- PostgreSQL database dump complete\n--";
/** A script longer than this does not fit in one JavaScript string (V8's limit is about 512 MiB). */
const MAX_SCRIPT_CHARACTERS = 500 * 1024 * 1024;

export type RestoreSummary = { reports: number; publications: number; auditEvents: number; tables: number };

/** The SQL script in a backup file, checked to be a whole pg_dump script this restore can run. */
export async function readBackupScript(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new Error(`找不到备份文件 ${file}`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = await promisify(gunzip)(bytes);
    } catch {
      throw new Error(`备份文件 ${file} 已损坏（无法解压）：请换一个备份。`);
    }
  }
  if (bytes.length > MAX_SCRIPT_CHARACTERS)
    throw new Error(`备份文件 ${file} 解压后超过 500 MB，本工具无法一次恢复：请用 PostgreSQL 的 psql 恢复。`);
  const script = withoutRestrictCommands(bytes.toString("utf8"));
  if (!script.startsWith(DUMP_START))
    throw new Error(`${file} 不是数据库备份（应为 npm run db:backup 生成的 .sql.gz 文件）。`);
  if (!script.trimEnd().endsWith(DUMP_END))
    throw new Error(`备份文件 ${file} 不完整（缺少结尾），可能在写入时中断：请换一个备份。`);
  if (/^COPY .* FROM stdin;$/m.test(script))
    throw new Error(
      `备份文件 ${file} 以 COPY 方式保存数据，本工具无法恢复：请用 npm run db:backup 生成的备份（或用 psql 恢复）。`,
    );
  return script;
}

/**
 * pg_dump 17.6/18+ brackets its script with psql's `\restrict <key>` and `\unrestrict <key>`
 * (they stop a malicious dump from running psql meta-commands). They are psql's, not SQL:
 * only the two lines with the script's own random key are dropped, never a data line.
 */
function withoutRestrictCommands(script: string): string {
  const key = /^\\restrict ([A-Za-z0-9]+)$/m.exec(script)?.[1];
  if (!key) return script;
  return script
    .split("\n")
    .filter((line) => line !== `\\restrict ${key}` && line !== `\\unrestrict ${key}`)
    .join("\n");
}

/** What the database of `client` holds outside the system schemas: schemas besides `public`, and objects. */
async function contentsOf(client: pg.Client): Promise<{ schemas: string[]; objects: number }> {
  const { rows } = await client.query<{ nspname: string; objects: string }>(
    `SELECT n.nspname,
            (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid)
          + (SELECT count(*) FROM pg_type t WHERE t.typnamespace = n.oid AND t.typtype IN ('e', 'd', 'r', 'm'))
          + (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = n.oid) AS objects
       FROM pg_namespace n
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`,
  );
  return {
    schemas: rows.map((row) => row.nspname),
    objects: rows.reduce((sum, row) => sum + Number(row.objects), 0),
  };
}

/** Restores `file` into the database of `url`; `force` replaces what that database holds. */
export async function restoreDatabase(options: {
  url: string;
  file: string;
  force?: boolean;
}): Promise<RestoreSummary> {
  const script = await readBackupScript(options.file);
  const client = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`无法连接数据库：${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const database = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
    const contents = await contentsOf(client);
    const isEmpty = contents.objects === 0 && contents.schemas.every((schema) => schema === "public");
    if (!isEmpty && !options.force)
      throw new Error(
        `数据库 ${database} 中已有数据（${contents.objects} 个对象）：恢复会替换其中的全部内容。确认要覆盖时加上 --force。`,
      );
    // Emptied in the same transaction as the restore: a failure leaves the old contents.
    const emptying = isEmpty
      ? ""
      : [
          ...contents.schemas.map((schema) => `DROP SCHEMA ${client.escapeIdentifier(schema)} CASCADE;`),
          "CREATE SCHEMA public;",
          "GRANT USAGE ON SCHEMA public TO PUBLIC;",
        ].join("\n");
    try {
      await client.query(`${emptying}\n${script}`);
    } catch (error) {
      throw new Error(
        `恢复失败，数据库 ${database} 未作任何改动：${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return await summaryOf(client);
  } finally {
    await client.end();
  }
}

/** How many reports, publications and audit rows the restored database holds. */
async function summaryOf(client: pg.Client): Promise<RestoreSummary> {
  const { rows } = await client.query<{ tables: string }>(
    "SELECT count(*) AS tables FROM pg_tables WHERE schemaname = 'public'",
  );
  const count = async (table: string) => {
    const exists = await client.query("SELECT to_regclass($1) IS NOT NULL AS present", [`public."${table}"`]);
    if (!exists.rows[0]?.present) return 0;
    const result = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM public.${client.escapeIdentifier(table)}`,
    );
    return Number(result.rows[0]!.n);
  };
  return {
    reports: await count("Report"),
    publications: await count("Publication"),
    auditEvents: await count("AuditEvent"),
    tables: Number(rows[0]!.tables),
  };
}
