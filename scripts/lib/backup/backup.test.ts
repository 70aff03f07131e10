/**
 * npm run db:backup / db:restore's work on real PostgreSQL: a database with the published
 * seed reports (real PDFs and DOCX), their imports and audit rows is backed up with the
 * WebAssembly pg_dump and restored into a fresh database, which then holds every row of
 * every table, the PDFs byte for byte. A database that holds data is refused unless forced,
 * a broken file is refused, and a restore that fails part-way changes nothing. A backup
 * taken while rows are written is one snapshot.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createDatabase, dropDatabase } from "../postgres";
import { createScriptClient } from "../prisma-client";
import { createTestDatabase } from "../test-database-template";
import { backupDatabase, pathPgDumpMajor } from "./backup-database";
import { restoreDatabase } from "./restore-database";

const wasm = { kind: "wasm" } as const;
let sourceUrl: string;
let folder: string;
const databases: string[] = [];

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table of `public` with its row count and a digest of all its rows (as text, sorted). */
async function fingerprint(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const { tablename } of tables.rows) {
      const table = `public.${client.escapeIdentifier(tablename)}`;
      const { rows } = await client.query<{ rows: string; digest: string | null }>(
        `SELECT count(*) AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest FROM ${table} t`,
      );
      result[tablename] = { rows: Number(rows[0]!.rows), digest: rows[0]!.digest ?? "" };
    }
    return result;
  });
}

async function freshDatabase(name: string): Promise<string> {
  const { serverUrl } = inject("testDatabase");
  const full = `nianbao_backup_${name}_${process.pid}`;
  databases.push(full);
  return createDatabase(serverUrl, full);
}

beforeAll(async () => {
  const { serverUrl, template } = inject("testDatabase");
  const name = `nianbao_backup_source_${process.pid}`;
  databases.push(name);
  sourceUrl = await createTestDatabase(serverUrl, template, name);
  const client = createScriptClient(sourceUrl);
  try {
    await seedDemo(client, { withPublishedReports: true });
    // Audit rows whose text a dump must carry exactly: quotes, backslashes, line breaks, a
    // line that starts like a psql meta-command, Chinese, JSON.
    const report = await client.report.findFirstOrThrow({ select: { id: true, organizationId: true } });
    for (const comment of [
      "退回：表三“申请情况”与合计不符",
      "it's a \\x00 'quote'\n\\connect other",
      "多行\r\n说明\t制表",
    ])
      await client.auditEvent.create({
        data: {
          action: "report.return",
          reportId: report.id,
          organizationId: report.organizationId,
          comment,
          detail: { cells: ["t3.r1.c1"], note: "年报 “引号” \\ ✓" },
        },
      });
  } finally {
    await client.$disconnect();
  }
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "nianbao-backup-test-"));
}, 180_000);

afterAll(async () => {
  const { serverUrl } = inject("testDatabase");
  // Each DROP DATABASE waits for a checkpoint: slow on a busy machine.
  for (const name of databases) await dropDatabase(serverUrl, name);
  if (folder) await fs.rm(folder, { recursive: true, force: true });
}, 120_000);

describe("backup and restore", () => {
  let backupFile: string;
  let restoredUrl: string;

  it("restores into a fresh database every report, publication (PDFs byte for byte) and audit row", async () => {
    backupFile = path.join(folder, "nianbao.sql.gz");
    const summary = await backupDatabase({ url: sourceUrl, file: backupFile, tool: wasm });
    expect(summary.serverVersion).toMatch(/^18\./);
    expect(summary.bytes).toBeGreaterThan(10_000);
    expect((await fs.stat(backupFile)).mode & 0o077).toBe(0);

    restoredUrl = await freshDatabase("restored");
    const restored = await restoreDatabase({ url: restoredUrl, file: backupFile });
    expect(restored.reports).toBe(5);
    expect(restored.publications).toBe(5);
    expect(restored.auditEvents).toBeGreaterThanOrEqual(8);

    const before = await fingerprint(sourceUrl);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(["Report", "Publication", "AuditEvent", "_prisma_migrations"]),
    );
    expect(await fingerprint(restoredUrl)).toEqual(before);

    const documents = (url: string) =>
      withClient(url, async (client) => {
        const { rows } = await client.query<{ id: string; pdf: Buffer; pdfSha256: string; docx: Buffer | null }>(
          'SELECT id, pdf, "pdfSha256", docx FROM public."Publication" ORDER BY id',
        );
        return rows;
      });
    const [original, copy] = await Promise.all([documents(sourceUrl), documents(restoredUrl)]);
    expect(copy.map((row) => row.id)).toEqual(original.map((row) => row.id));
    for (const [index, row] of copy.entries()) {
      expect(row.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(createHash("sha256").update(row.pdf).digest("hex")).toBe(row.pdfSha256);
      expect(Buffer.compare(row.pdf, original[index]!.pdf)).toBe(0);
      expect(Buffer.compare(row.docx ?? Buffer.alloc(0), original[index]!.docx ?? Buffer.alloc(0))).toBe(0);
    }
  }, 180_000);

  // Where a PostgreSQL 18 (or newer) client is installed: its script (with psql's \restrict
  // lines) restores the same way. Debian bookworm's client is 15's, which cannot dump 18.
  it.runIf((pathPgDumpMajor() ?? 0) >= 18)(
    "restores the same from the pg_dump on PATH",
    async () => {
      const file = path.join(folder, "native.sql.gz");
      const summary = await backupDatabase({ url: sourceUrl, file });
      expect(summary.tool).toContain("PATH");
      const target = await freshDatabase("native");
      await restoreDatabase({ url: target, file });
      expect(await fingerprint(target)).toEqual(await fingerprint(sourceUrl));
    },
    120_000,
  );

  it("refuses a database that holds data, changing nothing, and replaces its contents when forced", async () => {
    await withClient(restoredUrl, (client) =>
      client.query('DELETE FROM public."AuditEvent" WHERE comment LIKE $1', ["多行%"]),
    );
    const changed = await fingerprint(restoredUrl);
    await expect(restoreDatabase({ url: restoredUrl, file: backupFile })).rejects.toThrow(/已有数据.*--force/);
    expect(await fingerprint(restoredUrl)).toEqual(changed);

    await restoreDatabase({ url: restoredUrl, file: backupFile, force: true });
    expect(await fingerprint(restoredUrl)).toEqual(await fingerprint(sourceUrl));
  }, 120_000);

  it("refuses a file that is not a whole backup, and a restore that fails part-way changes nothing", async () => {
    const empty = await freshDatabase("refused");
    const whole = await fs.readFile(backupFile);
    const cases: [string, Buffer, RegExp][] = [
      ["cut.sql.gz", whole.subarray(0, Math.floor(whole.length / 2)), /已损坏/],
      ["notes.txt", Buffer.from("年报备份清单\n"), /不是数据库备份/],
      [
        "unfinished.sql",
        Buffer.from(`--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE public.half (id integer);\n`),
        /不完整/,
      ],
      [
        "failing.sql.gz",
        gzipSync(
          "--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE public.half (id integer);\nINSERT INTO public.half VALUES (1);\n" +
            "INSERT INTO public.missing VALUES (1);\n\n--\n-- PostgreSQL database dump complete\n--\n\n",
        ),
        /恢复失败.*未作任何改动/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(folder, name);
      await fs.writeFile(file, bytes);
      await expect(restoreDatabase({ url: empty, file }), name).rejects.toThrow(message);
    }
    await expect(restoreDatabase({ url: empty, file: path.join(folder, "absent.sql.gz") })).rejects.toThrow(
      /找不到备份文件/,
    );
    expect(await fingerprint(empty)).toEqual({});
  }, 60_000);

  it("refuses text the WebAssembly pg_dump's wrapper would lose, writing no file", async () => {
    const url = await freshDatabase("restrict");
    await withClient(url, (client) =>
      client.query(
        "CREATE TABLE public.notes (body text); INSERT INTO public.notes VALUES ('第一行 \\restrict 不在行首'), (E'说明\\n\\\\Restrict 在行首')",
      ),
    );
    const file = path.join(folder, "restrict.sql.gz");
    await expect(backupDatabase({ url, file, tool: wasm })).rejects.toThrow(/notes\.body 中有以 \\restrict 开头的一行/);
    await expect(fs.stat(file)).rejects.toThrow();
    await withClient(url, (client) => client.query("DELETE FROM public.notes WHERE body LIKE '说明%'"));
    await backupDatabase({ url, file, tool: wasm });
    const restored = await freshDatabase("restrict_restored");
    await restoreDatabase({ url: restored, file });
    expect(await fingerprint(restored)).toEqual(await fingerprint(url));
  }, 60_000);

  it("backs up one snapshot while rows are written", async () => {
    // Each transaction writes a row into two tables that pg_dump reads at different moments.
    let isWriting = true;
    let written = 0;
    const writer = withClient(sourceUrl, async (client) => {
      while (isWriting) {
        const key = `snapshot-${written}`;
        await client.query("BEGIN");
        await client.query(
          'INSERT INTO public.verification (id, identifier, value, "expiresAt", "updatedAt") VALUES ($1, $1, $1, now(), now())',
          [key],
        );
        await client.query('INSERT INTO public."AuditEvent" (id, action, comment) VALUES (gen_random_uuid(), $1, $2)', [
          "backup.test",
          key,
        ]);
        await client.query("COMMIT");
        written += 1;
      }
    });
    const file = path.join(folder, "while-writing.sql.gz");
    await new Promise((resolve) => setTimeout(resolve, 200));
    try {
      await backupDatabase({ url: sourceUrl, file, tool: wasm });
    } finally {
      isWriting = false;
      await writer;
    }
    const target = await freshDatabase("snapshot");
    await restoreDatabase({ url: target, file });
    const keys = await withClient(target, async (client) => {
      const verification = await client.query<{ id: string }>(
        "SELECT id FROM public.verification WHERE id LIKE 'snapshot-%' ORDER BY id",
      );
      const audit = await client.query<{ comment: string }>(
        `SELECT comment FROM public."AuditEvent" WHERE action = 'backup.test' ORDER BY comment`,
      );
      return { verification: verification.rows.map((row) => row.id), audit: audit.rows.map((row) => row.comment) };
    });
    expect(keys.verification.length).toBeGreaterThan(0);
    expect(keys.verification.length).toBeLessThan(written);
    expect(keys.audit).toEqual(keys.verification);
  }, 120_000);
});
