/**
 * How long importing 1,000 units takes: `npm run bench -- units`.
 *
 * Starts the app the way the browser tests do (throw-away PostgreSQL, migrations, demo
 * data, `next build` when sources changed), signs the system administrator in through the
 * form, and uploads an .xlsx of 1,000 units of a new county to /api/admin/units/import, as
 * the import page does: first the preview (read in the reading pool, every row checked,
 * nothing written), then the import (read and checked again inside one transaction under the
 * tree lock, 1,000 units and their audit events written), then the same file again (nothing
 * to create). Not a test: it prints figures.
 */
import os from "node:os";
import { governmentCreditCode, unitImportHeader } from "../fixtures/spreadsheets/demonstration-county";
import { writeXlsx } from "../fixtures/spreadsheets/write-spreadsheets";
import { signInDemo, startBenchApp } from "./support/bench-app";

const UNITS = 1_000;
// A county under no real one; 600 townships and towns with their codes, 400 departments with credit codes.
const county = { name: "基准县", divisionCode: "149903" };
const TOWNSHIPS = 600;

const bench = await startBenchApp("units", { withPublishedReports: false });
const { db, app } = bench;

try {
  const { cookie } = await signInDemo(bench, "admin");
  // The county itself is the system administrator's one form; the bench is about the list.
  const { id: countyId } = await db.organization.create({
    data: { name: county.name, kind: "COUNTY", divisionCode: county.divisionCode },
    select: { id: true },
  });

  const rows: string[][] = [[...unitImportHeader]];
  for (let index = 1; index <= TOWNSHIPS; index += 1)
    rows.push([`基准${index}镇人民政府`, "镇", "", `${county.divisionCode}${String(index).padStart(3, "0")}000`, ""]);
  for (let index = 1; index <= UNITS - TOWNSHIPS; index += 1)
    rows.push([
      `基准县第${index}局`,
      "县直部门",
      "",
      "",
      governmentCreditCode(county.divisionCode, String(index).padStart(9, "0")),
    ]);
  const xlsx = await writeXlsx(rows);

  const upload = async (mode: "preview" | "import") => {
    const form = new FormData();
    form.set("file", new Blob([Buffer.from(xlsx)]), "单位名单.xlsx");
    const start = performance.now();
    const response = await fetch(`${app.url}/api/admin/units/import?county=${countyId}&mode=${mode}`, {
      method: "POST",
      body: form,
      headers: { cookie, origin: app.url },
    });
    const body = (await response.json()) as {
      preview?: { ok: boolean; counts?: { create: number; existing: number; problem: number } };
      result?: { created: number; existing: number; skipped: number };
    };
    const ms = performance.now() - start;
    if (!response.ok) throw new Error(`${mode} failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    return { ms, body };
  };

  const preview = await upload("preview");
  if (preview.body.preview?.counts?.create !== UNITS)
    throw new Error(`preview: ${JSON.stringify(preview.body).slice(0, 300)}`);
  const imported = await upload("import");
  if (imported.body.result?.created !== UNITS)
    throw new Error(`import: ${JSON.stringify(imported.body).slice(0, 300)}`);
  const again = await upload("import");
  if (again.body.result?.created !== 0 || again.body.result.existing !== UNITS)
    throw new Error(`import again: ${JSON.stringify(again.body).slice(0, 300)}`);
  const stored = await db.organization.count({ where: { parentId: countyId } });

  const figure = (ms: number) => `${(ms / 1000).toFixed(1)} s, ${(ms / UNITS).toFixed(1)} ms per unit`;
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end`);
  console.log(`upload: ${(xlsx.byteLength / 1024).toFixed(0)} KB .xlsx of ${UNITS} units`);
  console.log(`preview of ${UNITS} units (read, every row checked, nothing written): ${figure(preview.ms)}`);
  console.log(`import of ${UNITS} units (read and checked again, ${stored} units stored): ${figure(imported.ms)}`);
  console.log(`the same file again (nothing to create): ${figure(again.ms)}`);
} finally {
  await bench.stop();
}
