import { readFileSync } from "node:fs";
import { extractPdfText } from "@/lib/import/read-report-pdf";
import { pdfToLines } from "@/lib/import/pdf-to-lines";
const file = process.argv[2]!;
const mode = process.argv[3] ?? "lines";
const t = await extractPdfText(new Uint8Array(readFileSync(file)));
if (!t.ok) throw new Error("refused");
if (mode === "runs") {
  t.pages.forEach((p, i) => { console.log("=== page", i); for (const r of p.runs) if (r.text.trim()) console.log(r.y.toFixed(1), r.x.toFixed(1), (r.x+r.width).toFixed(1), r.fontSize.toFixed(1), JSON.stringify(r.text)); });
} else for (const l of pdfToLines(t.pages)) console.log(JSON.stringify(l.cells));
