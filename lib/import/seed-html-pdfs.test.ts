/**
 * The five seeds (fixtures/seeds: real reports, defects included) as their sites' pages
 * printed to PDF by LibreOffice, on a wide and on a narrow page
 * (fixtures/import/write-seed-html-pdfs.ts; the narrow one wraps row labels and headers over
 * several lines and breaks tables 三 and 四 over pages). Each PDF is read back against the
 * seed's transcribed values, cell by cell, and the seed's known defects must be found from
 * what was read, and nothing else; the reading problems are those of the page itself.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seeds } from "../../fixtures";
import {
  SEED_PAGE_FORMATS,
  seedHtml,
  seedHtmlPdfPath,
  type SeedPageFormat,
} from "../../fixtures/import/write-seed-html-pdfs";
import { evaluateReport } from "../rules/evaluate-report";
import { findingsFor, ruleIdsOf } from "../rules/test-support";
import { compileLayout, getLayout } from "../template";
import { readReportHtml } from "./read-report-html";
import { readReportPdf } from "./read-report-pdf";

const formats = Object.keys(SEED_PAGE_FORMATS) as SeedPageFormat[];
const cases = seeds.flatMap((seed, index) =>
  formats.map((format) => [`${seed.id} ${format}`, seed, index, format] as const),
);

describe.each(cases)("%s.pdf", (_name, seed, index, format) => {
  const layout = getLayout(seed.layoutId);
  const reading = readReportPdf(new Uint8Array(readFileSync(seedHtmlPdfPath(index, format))));

  it("reads the body, year and layout, and every cell as the seed has it (a cell not printed stays absent)", async () => {
    const r = await reading;
    expect(r.status).toBe("read");
    expect(r.source).toBe("pdf");
    expect(r.layoutId).toBe(seed.layoutId);
    expect(r.year).toBe(seed.data.meta.year);
    expect(r.organizationName).toBe(seed.data.meta.organizationName);
    const ids = compileLayout(layout).cells.map((cell) => cell.id);
    const expected = Object.fromEntries(ids.map((id) => [id, seed.data.cells[id] ?? null]));
    const read = Object.fromEntries(ids.map((id) => [id, r.data.cells[id] ?? null]));
    expect(read).toEqual(expected);
  });

  it("finds the seed's known defects from what it read, and nothing else", async () => {
    const r = await reading;
    const findings = evaluateReport({ data: r.data, layout, organization: seed.organization });
    for (const known of seed.expectedFindings) {
      const matching = findingsFor(findings, known.ruleId);
      expect(matching.length, known.ruleId).toBeGreaterThan(0);
      if (known.count !== undefined) expect(matching, known.ruleId).toHaveLength(known.count);
      const ids = new Set(matching.flatMap((f) => f.cellIds));
      for (const id of known.cellIds ?? []) expect(ids, id).toContain(id);
    }
    expect(ruleIdsOf(findings)).toEqual([...new Set(seed.expectedFindings.map((e) => e.ruleId))].sort());
  });

  it("reports the same reading problems as the page it was printed from", async () => {
    const r = await reading;
    const page = readReportHtml(seedHtml(seed, format));
    const problems = (result: typeof page) => result.problems.map((p) => `${p.severity} ${p.code} ${p.place}`).sort();
    expect(problems(r)).toEqual(problems(page));
  });
});
