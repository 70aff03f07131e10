// A database backup: PostgreSQL's own pg_dump, as a plain SQL script (each row an INSERT,
// no owners or grants, so it restores into any database on any server), gzip-compressed.
// The embedded server is dumped with the WebAssembly pg_dump of its major (wasm-pg-dump.ts);
// a server given by DATABASE_URL with the pg_dump on PATH when that one is new enough, else
// the WebAssembly one when it is and the connection needs no TLS. pg_dump reads one snapshot
// (a repeatable-read transaction), so a backup taken while the app writes is consistent.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip, gzip } from "node:zlib";
import { promisify } from "node:util";
import pg from "pg";
import { isWasmPgDumpUsable, WASM_PG_DUMP_MAJOR, wasmPgDump } from "./wasm-pg-dump";

/** pg_dump's options for every backup (the WebAssembly one adds --inserts itself). */
const DUMP_OPTIONS = ["--format=plain", "--inserts", "--no-owner", "--no-privileges", "--lock-wait-timeout=60s"];

export type DumpTool = { kind: "wasm" } | { kind: "native"; command: string; major: number };

export type BackupSummary = { file: string; bytes: number; serverVersion: string; tool: string };

/** The server's version, e.g. "18.4", and its major. */
export async function serverVersionOf(url: string): Promise<{ version: string; major: number }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`无法连接数据库：${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const { rows } = await client.query<{ server_version: string; server_version_num: string }>(
      "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num",
    );
    const row = rows[0]!;
    return { version: row.server_version.split(" ")[0]!, major: Math.floor(Number(row.server_version_num) / 10_000) };
  } finally {
    await client.end();
  }
}

/** The major version of `pg_dump` on PATH, or null when there is none. */
export function pathPgDumpMajor(command = "pg_dump"): number | null {
  const run = spawnSync(command, ["--version"], { encoding: "utf8" });
  const match = run.status === 0 ? /\(PostgreSQL\)\s+(\d+)/.exec(run.stdout) : null;
  return match ? Number(match[1]) : null;
}

/**
 * Which pg_dump can dump a server of `serverMajor` at `url`: pg_dump dumps servers of its own
 * major and older only. The one on PATH when it is new enough, else the WebAssembly one.
 */
export function chooseDumpTool(url: string, serverMajor: number, pathMajor = pathPgDumpMajor()): DumpTool {
  if (pathMajor !== null && pathMajor >= serverMajor) return { kind: "native", command: "pg_dump", major: pathMajor };
  if (serverMajor <= WASM_PG_DUMP_MAJOR && isWasmPgDumpUsable(url)) return { kind: "wasm" };
  const found = pathMajor === null ? "PATH 上没有 pg_dump" : `PATH 上的 pg_dump 是 ${pathMajor} 版`;
  throw new Error(
    `数据库服务器是 PostgreSQL ${serverMajor}，${found}：请安装同一主版本（或更新）的 PostgreSQL 客户端（如 postgresql-client-${serverMajor}），使其 pg_dump 在 PATH 上。`,
  );
}

/** Writes a backup of the database of `url` to `file` (written whole or not at all). */
export async function backupDatabase(options: { url: string; file: string; tool?: DumpTool }): Promise<BackupSummary> {
  const { url, file } = options;
  const server = await serverVersionOf(url);
  const tool = options.tool ?? chooseDumpTool(url, server.major);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // The dump holds password hashes and sessions: readable by the owner only. Written beside
  // the target and renamed when complete, so a file of that name is always a whole backup.
  const partial = `${file}.${randomBytes(4).toString("hex")}.partial`;
  try {
    if (tool.kind === "wasm") {
      await refuseStrippedLines(url);
      const dump = await wasmPgDump(
        url,
        DUMP_OPTIONS.filter((option) => option !== "--inserts"),
      );
      await fs.writeFile(partial, await promisify(gzip)(dump), { mode: 0o600 });
    } else await nativePgDump(tool.command, url, partial);
    await fs.rename(partial, file);
  } finally {
    await fs.rm(partial, { force: true });
  }
  const { size } = await fs.stat(file);
  const toolName =
    tool.kind === "wasm"
      ? `pg_dump ${WASM_PG_DUMP_MAJOR}（WebAssembly，@electric-sql/pglite-tools）`
      : `pg_dump ${tool.major}（PATH）`;
  return { file, bytes: size, serverVersion: server.version, tool: toolName };
}

/**
 * pglite-tools drops every line of the script that starts with `\restrict` or `\unrestrict`
 * (psql commands pg_dump 18 writes at its start and end), and a text value's line breaks are
 * written as they are: a value with such a line would come back without it. Such text is
 * refused here, before it could go missing (the pg_dump on PATH keeps it).
 */
async function refuseStrippedLines(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const columns = await client.query<{ schema: string; table: string; column: string }>(
      `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
          AND (c.data_type IN ('text', 'character varying', 'character') OR c.udt_name IN ('_text', '_varchar'))`,
    );
    for (const { schema, table, column } of columns.rows) {
      const name = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`;
      const { rows } = await client.query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${name} WHERE ${client.escapeIdentifier(column)}::text ~* $1) AS found`,
        [String.raw`(^|[\n\r\u2028\u2029])\\(un)?restrict\M`],
      );
      if (rows[0]?.found)
        throw new Error(
          `${table}.${column} 中有以 \\restrict 开头的一行文字，内置的 WebAssembly 版 pg_dump 会丢失这一行：请安装 PostgreSQL 18 的客户端（pg_dump 在 PATH 上）后再备份。`,
        );
    }
  } finally {
    await client.end();
  }
}

/** The pg_dump on PATH, its script gzipped into `file` as it comes. */
async function nativePgDump(command: string, url: string, file: string): Promise<void> {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = "";
  // The password through the environment, not the command line (which `ps` shows).
  const child = spawn(command, [...DUMP_OPTIONS, `--dbname=${target}`], {
    env: { ...process.env, PGPASSWORD: password, PGAPPNAME: "nianbao-backup" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", (error) => reject(new Error(`无法运行 pg_dump：${error.message}`)));
    child.once("close", resolve);
  });
  await pipeline(child.stdout, createGzip(), createWriteStream(file, { mode: 0o600 }));
  const code = await exited;
  if (code !== 0) throw new Error(`pg_dump 失败（退出码 ${code}）：${stderr.trim().split("\n").slice(-3).join(" / ")}`);
}

/** The default name of a backup taken now: nianbao-20260102-030405.sql.gz (UTC). */
export function backupFileName(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replaceAll("-", "")
    .replace("T", "-")
    .replaceAll(":", "");
  return `nianbao-${stamp}.sql.gz`;
}
