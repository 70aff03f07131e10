/**
 * The frozen .docx opens in an office suite with its tables intact: LibreOffice Writer (the
 * suite these machines have; `npm test` installs it, scripts/lib/system-tools.ts) converts it
 * to PDF, and the PDF's own text has every heading and every figure the clerk typed — each
 * input cell a figure of its own, so a cell lost or shifted out of its table is missed.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { seeds } from "@/fixtures";
import { compileLayout, getLayout } from "@/lib/template";
import { toReportView } from "../to-report-view";
import { renderReportDocx } from "./render-report-docx";

const run = promisify(execFile);
const directories: string[] = [];

afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

/** The .docx as LibreOffice Writer prints it: the PDF's page count and text. */
async function openInWriter(docx: Buffer): Promise<{ pages: number; text: string }> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "nianbao-docx-"));
  directories.push(directory);
  const file = path.join(directory, "report.docx");
  await writeFile(file, docx);
  // A profile of its own: concurrent test files never share LibreOffice's user installation.
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${directory}/profile`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      directory,
      file,
    ],
    { timeout: 180_000, env: { ...process.env, HOME: directory } },
  );
  const pdf = path.join(directory, "report.pdf");
  const { stdout: info } = await run("pdfinfo", [pdf]);
  const { stdout: text } = await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 16 * 1024 * 1024 });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0), text };
}

describe("the frozen .docx in LibreOffice Writer", () => {
  const seed = seeds.find((each) => each.layoutId === "gov-2021")!;
  const layout = getLayout(seed.layoutId);
  const compiled = compileLayout(layout);
  // Every typed cell a figure no other cell has: six digits (100001, 100002 …), three in the
  // fifteen narrow columns of table 四 (复议 and 诉讼 cases of one body run to tens).
  const figures = new Map(
    compiled.inputCells.map((cell, index) => [cell.id, cell.tableId === "t4" ? 101 + index : 100_001 + index]),
  );
  const data = { ...seed.data, cells: { ...seed.data.cells, ...Object.fromEntries(figures) } };
  const view = toReportView(layout, data, {
    organizationName: seed.organization.name,
    year: seed.data.meta.year,
    publishedAt: "2024-01-26",
    documentDate: "2024-01-25",
  });

  it("opens, with every heading and every typed figure in its place on the printed pages", async () => {
    const { pages, text } = await openInWriter(await renderReportDocx(view));
    expect(pages).toBeGreaterThanOrEqual(3);
    const flat = text.replace(/\s+/g, "");
    for (const section of view.sections) expect(flat).toContain(section.heading.replace(/\s+/g, ""));
    const printed = new Set(text.match(/\d+/g));
    const lost = [...figures].filter(([, figure]) => !printed.has(String(figure))).map(([id]) => id);
    expect(lost).toEqual([]);
  }, 240_000);
});
