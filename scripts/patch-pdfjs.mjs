// Run by npm's postinstall (after prisma-generate.mjs): one change to pdf.js's worker module,
// the only build lib/import/read-report-pdf.ts loads. Every `q` operator of a content stream
// clones the text state; pdf.js clones it with `Object.create(this)`, so each clone has its
// own prototype and V8 builds new hidden classes for it, and every property access on the
// text state in getTextContent becomes megamorphic. A page rendered by this app (react-pdf)
// has about a thousand `q` operators: the clone took most of the time of reading the text of
// a ten-page report (`npm run bench -- import`). The replacement copies the same own fields
// onto a fresh TextState (no TextState field is ever inherited: the constructor defines them
// all), so what is read does not change (lib/import/read-report-pdf.test.ts, the corpus score);
// lib/import/pdfjs-patch.test.ts fails when an installed pdf.js lacks the change.
//
// Idempotent. When a new pdf.js no longer has the original line, nothing is changed and this
// says so: the test above then fails until the change is reviewed against the new version.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const PDFJS_WORKER = path.join(root, "node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs");
export const ORIGINAL = "const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix";
export const PATCHED = "const clone = Object.assign(new TextState(), this);\n    clone.textMatrix";

function patch() {
  if (!fs.existsSync(PDFJS_WORKER)) {
    console.warn(`patch-pdfjs: ${path.relative(root, PDFJS_WORKER)} not installed, nothing to patch`);
    return;
  }
  const source = fs.readFileSync(PDFJS_WORKER, "utf8");
  if (source.includes(PATCHED)) return;
  const at = source.indexOf(ORIGINAL);
  if (at < 0 || source.indexOf(ORIGINAL, at + 1) >= 0) {
    console.warn("patch-pdfjs: pdf.js's TextState.clone is not the one this patch knows; left unchanged");
    return;
  }
  fs.writeFileSync(PDFJS_WORKER, source.slice(0, at) + PATCHED + source.slice(at + ORIGINAL.length));
  console.log("patch-pdfjs: TextState.clone patched");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) patch();
