import { readFileSync } from "node:fs";
import { seeds } from "@/fixtures";
import { seedHtml, seedHtmlPdfPath } from "@/fixtures/import/write-seed-html-pdfs";
import { readReportPdf } from "@/lib/import/read-report-pdf";
import { readReportHtml } from "@/lib/import/read-report-html";
import { compileLayout, getLayout } from "@/lib/template";
const [i, f] = [Number(process.argv[2]), process.argv[3] as "wide" | "narrow"];
const seed = seeds[i]!;
const r = await readReportPdf(new Uint8Array(readFileSync(seedHtmlPdfPath(i, f))));
const h = readReportHtml(seedHtml(seed, f));
console.log("year", r.year, r.organizationName, r.layoutId);
for (const c of compileLayout(getLayout(seed.layoutId)).cells) {
  const e = seed.data.cells[c.id] ?? null, g = r.data.cells[c.id] ?? null, hh = h.data.cells[c.id] ?? null;
  if (e !== g || e !== hh) console.log("cell", c.id, "seed", e, "pdf", g, "html", hh);
}
const ps = (x: typeof r) => x.problems.map((p) => `${p.severity} ${p.code} ${p.place}`);
const a = ps(r), b = ps(h);
console.log("pdf only", a.filter((x) => !b.includes(x)));
console.log("html only", b.filter((x) => !a.includes(x)).slice(0, 15), b.filter((x) => !a.includes(x)).length);
