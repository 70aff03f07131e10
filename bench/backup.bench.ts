/**
 * How long a backup and a restore take: `npm run bench -- backup`.
 *
 * On a throw-away PostgreSQL: the demo data with the five published seed reports, whose
 * publications are copied (as corrections, each its own PDF and DOCX bytes) up to
 * PUBLICATIONS rows, about a large county's years of reports. Times `npm run db:backup`'s
 * work with the WebAssembly pg_dump (and with the pg_dump on PATH when it can dump this
 * server), then the restore into a fresh database; the baseline, in the same run, is reading
 * the same rows whole with node-postgres (what no backup can beat: the bytes must leave the
 * server). Prints seconds, MB, the ratio to the baseline, and the process's memory. Not a
 * test: prints figures only.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { seedDemo } from "../prisma/seed/seed-demo";
import {
  backupDatabase,
  chooseDumpTool,
  pathPgDumpMajor,
  serverVersionOf,
} from "../scripts/lib/backup/backup-database";
import { restoreDatabase } from "../scripts/lib/backup/restore-database";
import { applyMigrations } from "../scripts/lib/migrate";
import { createScriptClient } from "../scripts/lib/prisma-client";
import { startThrowawayServer } from "../scripts/lib/throwaway-database";

const PUBLICATIONS = 300;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const rss = () => `${mb(process.memoryUsage().rss)} MB`;

const server = await startThrowawayServer();
const folder = await fs.mkdtemp(path.join(os.tmpdir(), "nianbao-bench-backup-"));
try {
  const url = await server.createDatabase("bench_backup_source");
  await applyMigrations(url);
  const prisma = createScriptClient(url);
  await seedDemo(prisma, { withPublishedReports: true });
  await prisma.$disconnect();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Corrections of the seed reports: copies whose PDF differs in its last bytes.
  await client.query(
    `INSERT INTO public."Publication" (id, "reportId", sequence, "templateId", "templateVersion", data, html, pdf, "pdfSha256", docx, "docxSha256", "correctionNote", "publishedAt")
     SELECT gen_random_uuid(), p."reportId", p.sequence + g, p."templateId", p."templateVersion", p.data, p.html,
            p.pdf || int4send(g), p."pdfSha256", p.docx, p."docxSha256", '更正 ' || g, p."publishedAt"
       FROM public."Publication" p, generate_series(1, $1) g`,
    [Math.ceil(PUBLICATIONS / 5) - 1],
  );
  const sizes = await client.query<{ publications: string; bytes: string }>(
    `SELECT count(*) AS publications, pg_database_size(current_database()) AS bytes FROM public."Publication"`,
  );
  let start = performance.now();
  const read = await client.query<{ pdf: Buffer }>('SELECT * FROM public."Publication"');
  const readMs = performance.now() - start;
  const readBytes = read.rows.reduce((sum, row) => sum + row.pdf.length, 0);
  await client.end();
  console.log(
    `database:  ${sizes.rows[0]!.publications} publications, ${mb(Number(sizes.rows[0]!.bytes))} MB on disk, ${mb(readBytes)} MB of PDF; memory ${rss()}`,
  );
  console.log(`baseline:  reading every publication row with node-postgres ${(readMs / 1000).toFixed(2)} s`);

  const { major } = await serverVersionOf(url);
  const tools = [
    { kind: "wasm" } as const,
    ...(pathPgDumpMajor() !== null && (pathPgDumpMajor() ?? 0) >= major ? [chooseDumpTool(url, major)] : []),
  ];
  for (const tool of tools) {
    const file = path.join(folder, `${tool.kind}.sql.gz`);
    start = performance.now();
    const summary = await backupDatabase({ url, file, tool });
    const backupMs = performance.now() - start;
    const scriptBytes = gunzipSync(await fs.readFile(file)).length;
    console.log(
      `backup:    ${summary.tool}: ${(backupMs / 1000).toFixed(2)} s (${(backupMs / readMs).toFixed(1)}× the baseline), ${mb(summary.bytes)} MB gzipped (${mb(scriptBytes)} MB of SQL); memory ${rss()}`,
    );
    const target = await server.createDatabase(`bench_backup_${tool.kind}`);
    start = performance.now();
    const restored = await restoreDatabase({ url: target, file });
    const restoreMs = performance.now() - start;
    console.log(
      `restore:   ${restored.publications} publications, ${restored.auditEvents} audit rows into a fresh database: ${(restoreMs / 1000).toFixed(2)} s (${(restoreMs / readMs).toFixed(1)}× the baseline); memory ${rss()}`,
    );
  }
  if (tools.length === 1)
    console.log("(no pg_dump on PATH that can dump this server: only the WebAssembly one measured)");
} finally {
  await fs.rm(folder, { recursive: true, force: true });
  await server.stop();
}
