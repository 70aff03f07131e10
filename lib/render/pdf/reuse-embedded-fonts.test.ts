/**
 * The reuse of embedded fonts (reuse-embedded-fonts.ts) changes how often pdfkit opens a
 * font, never what a PDF holds: a second `font()` with the same font object gets the same
 * EmbeddedFont without opening another, where pdfkit alone opens one per call (if pdfkit
 * ever caches objects itself, this says the wrapper can go); and a report rendered with it
 * reads, page by page and font by font, exactly as one rendered by pdfkit's own `font()`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { seeds } from "@/fixtures";
import { renderReportPdf } from "./render-report-pdf";
import { reuseEmbeddedFonts, unpatchedFont } from "./reuse-embedded-fonts";
import { hasPoppler, readPdfFonts, readPdfRawText } from "./testing/read-pdf-pages";
import { seedReportView } from "@/lib/render/testing/seed-report-view";

type Doc = { _font: unknown; _fontCount: number; _fontSize: number; font(src: unknown, size?: number): Doc };
const prototype = PDFDocument.prototype as unknown as { font: Doc["font"] };

const fontFile = path.join(
  process.cwd(),
  "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
);
const newDocument = () => new (PDFDocument as unknown as new () => Doc)();

describe("reuseEmbeddedFonts", () => {
  reuseEmbeddedFonts();
  const font = fontkit.create(readFileSync(fontFile));

  it("gives a font object the EmbeddedFont it got the first time, at the new size", () => {
    const doc = newDocument();
    doc.font(font, 10);
    const embedded = doc._font;
    const opened = doc._fontCount;
    doc.font("Helvetica", 9);
    doc.font(font, 12);
    expect(doc._font).toBe(embedded);
    expect(doc._fontSize).toBe(12);
    expect(doc._fontCount).toBe(opened);
  });

  it("is needed: pdfkit's own font() opens the same font object again on every call", () => {
    const doc = newDocument();
    const font2 = unpatchedFont();
    font2.call(doc as never, font, 10);
    const opened = doc._fontCount;
    font2.call(doc as never, font, 10);
    expect(doc._fontCount).toBe(opened + 1);
  });

  it.skipIf(!hasPoppler())("renders a report exactly as pdfkit's own font() does", async () => {
    const seed = seeds[0]!;
    const view = seedReportView(seed);
    const reused = await renderReportPdf(view);
    const patched = prototype.font;
    prototype.font = unpatchedFont() as unknown as Doc["font"];
    const own = await renderReportPdf(view).finally(() => {
      prototype.font = patched;
    });
    expect(readPdfRawText(reused)).toBe(readPdfRawText(own));
    // The subset tag (ABCDEF+) follows pdfkit's font counter, which no longer counts discarded opens.
    const fonts = (pdf: Buffer) =>
      readPdfFonts(pdf).map((each) => ({ ...each, name: each.name.replace(/^[A-Z]{6}\+/, "") }));
    expect(fonts(reused)).toEqual(fonts(own));
    expect(fonts(reused)).toHaveLength(4);
  });
});
