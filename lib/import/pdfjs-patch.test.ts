/**
 * The installed pdf.js worker carries the change scripts/patch-pdfjs.mjs makes at install time
 * (its TextState cloned without a prototype per clone, the cost that dominated reading the
 * app's ten-page PDF: `npm run bench -- import`). A new pdf.js without the original line fails
 * here until the change is reviewed against it; what is read is checked by the reading tests
 * (read-report-pdf.test.ts) and the corpus score, not here.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const workerFile = createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.worker.mjs");

describe("pdf.js as installed", () => {
  it("clones its text state onto a fresh TextState, not onto a new prototype", () => {
    const source = readFileSync(workerFile, "utf8");
    expect(source).not.toContain("Object.assign(Object.create(this), this)");
    expect(source.split("const clone = Object.assign(new TextState(), this);").length).toBe(2);
  });
});
