/**
 * The PDF a reading pool's thread reads once when it starts (read-report-bytes-worker.mjs),
 * before any upload: a page of text runs in a row-and-column layout, each inside `q … Q` as
 * the app's own PDFs draw them, so pdf.js (the document, the page, its content stream, a font,
 * the text content) and the row and column assembly (pdf-to-lines.ts) have run once and been
 * compiled when the first real file comes. Helvetica is a standard font: nothing to embed, and
 * pdf.js reads its text without font files. What it reads is not a report; nobody sees it.
 */
import { writePdfObjects } from "./write-pdf-objects";

const ROWS = 12;

export function warmUpPdf(): Uint8Array {
  const runs: string[] = [];
  for (let row = 0; row < ROWS; row++) {
    const y = 780 - row * 24;
    runs.push(`q BT /F1 11 Tf 72 ${y} Td (Row ${row + 1} label) Tj ET Q`);
    for (let column = 0; column < 4; column++) {
      runs.push(`q BT /F1 11 Tf ${300 + column * 60} ${y} Td [(${row * 4 + column}) -20 (0)] TJ ET Q`);
    }
  }
  const content = runs.join("\n");
  return writePdfObjects(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ],
    1,
  );
}
