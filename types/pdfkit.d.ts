// pdfkit, which @react-pdf/renderer draws with: only its document class's prototype, which
// lib/render/pdf/reuse-embedded-fonts.ts wraps (and types there itself).
declare module "pdfkit" {
  const PDFDocument: { prototype: object };
  export default PDFDocument;
}
