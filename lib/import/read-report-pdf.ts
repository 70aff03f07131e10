/**
 * PDF reports, as county sites publish them (exported from Word or WPS, printed to PDF, or
 * rendered by this app): pdf.js (the legacy build, which runs in Node) gives each page's
 * text runs with their positions; pdf-to-lines.ts rebuilds rows, cells and table columns
 * from the geometry, and the shared reading (read-report-lines.ts) does the rest.
 *
 * Guards, before and while reading: the file size, the page count (read from the document
 * before any page is parsed), the number of text runs (counted page by page, so a page
 * stuffed with millions of runs stops the reading), a password (refused, never guessed),
 * and a damaged file. Its time and memory are bounded by the reading pool
 * (read-in-worker.ts) it runs in. A PDF with no text at all is a scan and is refused
 * with advice: no OCR is attempted. Server-only (pdf.js loads its worker module and
 * CMaps from node_modules), exported from lib/import/server.ts.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { importMessages } from "./import-messages";
import { MAX_PDF_BYTES, MAX_PDF_PAGES, MAX_PDF_TEXT_RUNS } from "./limits";
import { pdfToLines, type PdfPageText, type PdfTextRun } from "./pdf-to-lines";
import { emptyReadResult, readReportLines, refusedReading } from "./read-report-lines";
import type { ReadResult } from "./types";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loaded: Promise<PdfJs> | undefined;

/**
 * pdf.js with its worker module on this thread (it uses `globalThis.pdfjsWorker` instead of
 * starting a worker of its own): the reading pool's thread is already off the request path.
 */
function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    // Node 20 lacks Promise.withResolvers, which pdf.js 5+ calls; Node 22 has it.
    const promise = Promise as unknown as { withResolvers?: unknown };
    if (typeof promise.withResolvers !== "function") {
      promise.withResolvers = function withResolvers<T>() {
        let resolve!: (value: T) => void;
        let reject!: (reason: unknown) => void;
        const settled = new Promise<T>((yes, no) => {
          resolve = yes;
          reject = no;
        });
        return { promise: settled, resolve, reject };
      };
    }
    const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return loaded;
}

/** pdf.js's packed CMaps, for Chinese fonts that map codes through a predefined CMap (UniGB-UCS2-H…). */
function cMapDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve("pdfjs-dist/package.json");
  return `${path.join(path.dirname(packageJson), "cmaps")}${path.sep}`;
}

/** pdf.js loaded (once per thread); reading a PDF loads it anyway. */
export async function loadPdfReader(): Promise<void> {
  await loadPdfJs();
}

const PDF_MAGIC = "%PDF-";

export function looksLikePdf(bytes: Uint8Array): boolean {
  // The header may follow some junk bytes (allowed by the spec within the first 1 KB).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes(PDF_MAGIC);
}

class TooMuchText extends Error {}

/** A run is kept when it is upright: rotated text is a watermark or a margin note, not the report. */
function toRun(item: { str: string; transform: number[]; width: number }): PdfTextRun | undefined {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0 || d <= 0) return undefined;
  return { text: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d) };
}

/** The text runs of every page, or the refusal that stopped the reading. */
export type PdfText =
  { readonly ok: true; readonly pages: readonly PdfPageText[] } | { readonly ok: false; readonly refusal: ReadResult };

export async function readReportPdf(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength === 0) {
    return emptyReadResult("pdf", "notReport", [
      { code: "input.empty", severity: "error", place: "file", message: importMessages.empty() },
    ]);
  }
  const text = await extractPdfText(bytes);
  if (!text.ok) return text.refusal;
  const characters = text.pages.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.trim().length, 0), 0);
  if (characters === 0) return refusedReading("input.scanned", importMessages.pdfScanned(), "pdf");
  return readReportLines(pdfToLines(text.pages), "pdf");
}

const refused = (refusal: ReadResult): PdfText => ({ ok: false, refusal });

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  if (bytes.byteLength > MAX_PDF_BYTES) {
    return refused(refusedReading("input.tooLarge", importMessages.tooLarge(bytes.byteLength, MAX_PDF_BYTES), "pdf"));
  }
  if (!looksLikePdf(bytes)) return refused(refusedReading("input.damaged", importMessages.pdfDamaged(), "pdf"));
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given: a copy keeps the caller's bytes.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    cMapUrl: cMapDirectory(),
    cMapPacked: true,
    verbosity: 0,
  });
  const pages: PdfPageText[] = [];
  try {
    const document = await task.promise;
    if (document.numPages > MAX_PDF_PAGES) {
      return refused(
        refusedReading("input.tooComplex", importMessages.pdfTooManyPages(document.numPages, MAX_PDF_PAGES), "pdf"),
      );
    }
    let runCount = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const runs: PdfTextRun[] = [];
      const reader = page.streamTextContent().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const item of value.items as { str?: string; transform?: number[]; width?: number }[]) {
          if (typeof item.str !== "string" || !item.transform) continue;
          runCount++;
          if (runCount > MAX_PDF_TEXT_RUNS) {
            await reader.cancel();
            throw new TooMuchText();
          }
          const run = toRun({ str: item.str, transform: item.transform, width: item.width ?? 0 });
          if (run) runs.push(run);
        }
      }
      pages.push({ runs });
      page.cleanup();
    }
  } catch (error) {
    if (error instanceof TooMuchText) {
      return refused(refusedReading("input.tooComplex", importMessages.pdfTooMuchText(MAX_PDF_TEXT_RUNS), "pdf"));
    }
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") {
      return refused(refusedReading("input.encrypted", importMessages.pdfEncrypted(), "pdf"));
    }
    return refused(refusedReading("input.damaged", importMessages.pdfDamaged(), "pdf"));
  } finally {
    await task.destroy();
  }
  return { ok: true, pages };
}
