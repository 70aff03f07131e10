/**
 * How long importing 1,000 accounts takes: `npm run bench -- accounts`.
 *
 * Starts the app the way the browser tests do (throw-away PostgreSQL, migrations, demo
 * data, `next build` when sources changed), signs the system administrator in through the
 * form, and uploads an .xlsx of 1,000 clerks of 阳城县 to /api/accounts/import, as the import
 * page does: read in the reading pool, every row checked, 1,000 initial passwords hashed,
 * everything written in one transaction. Then, in this process, it hashes 1,000 passwords
 * alone with the same function and parameters (argon2id, 46 MiB, t=1, p=1, two at a time),
 * to show what share of the import the hashing is. Not a test: it prints figures.
 */
import os from "node:os";
import { writeXlsx } from "../fixtures/spreadsheets/write-spreadsheets";
import { hashPasswords } from "../lib/accounts/hash-passwords";
import { signInDemo, startBenchApp } from "./support/bench-app";

const ACCOUNTS = 1_000;
const towns = ["董封乡人民政府", "凤城镇人民政府", "北留镇人民政府", "白桑乡人民政府", "阳城县人民政府办公室"];

const bench = await startBenchApp("accounts", { withPublishedReports: false });
const { db, app } = bench;

try {
  const { cookie } = await signInDemo(bench, "admin");
  const county = await db.organization.findFirstOrThrow({ where: { name: "阳城县" }, select: { id: true } });

  const rows = [["用户名", "姓名", "单位", "角色", "联系电话"]];
  for (let index = 0; index < ACCOUNTS; index += 1)
    rows.push([`bench-${index}`, `填报员${index}`, towns[index % towns.length]!, "填报人员", ""]);
  const xlsx = await writeXlsx(rows);

  const form = new FormData();
  form.set("countyId", county.id);
  form.set("file", new Blob([Buffer.from(xlsx)]), "名单.xlsx");
  const start = performance.now();
  const response = await fetch(`${app.url}/api/accounts/import`, {
    method: "POST",
    body: form,
    headers: { cookie, origin: app.url },
  });
  const body = (await response.json()) as { ok?: boolean; created?: unknown[]; fileError?: string };
  const importMs = performance.now() - start;
  if (!response.ok || !body.ok || body.created?.length !== ACCOUNTS)
    throw new Error(`import failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  const stored = await db.user.count({ where: { username: { startsWith: "bench-" } } });

  const passwords = Array.from({ length: ACCOUNTS }, (_, index) => `bench-password-${index}`);
  const hashStart = performance.now();
  await hashPasswords(passwords);
  const hashMs = performance.now() - hashStart;

  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end`);
  console.log(
    `import of ${ACCOUNTS} accounts (upload ${(xlsx.byteLength / 1024).toFixed(0)} KB .xlsx → ${stored} accounts stored): ${(importMs / 1000).toFixed(1)} s, ${(importMs / ACCOUNTS).toFixed(1)} ms per account`,
  );
  console.log(
    `hashing ${ACCOUNTS} initial passwords alone (argon2id m=46 MiB t=1 p=1, two at a time): ${(hashMs / 1000).toFixed(1)} s, ${(hashMs / ACCOUNTS).toFixed(1)} ms per password — ${((hashMs / importMs) * 100).toFixed(0)}% of the import`,
  );
} finally {
  await bench.stop();
}
