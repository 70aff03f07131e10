// pdf.js's worker module, loaded on the page's own thread by components/review/pdf-first-page.tsx.
declare module "pdfjs-dist/build/pdf.worker.min.mjs" {
  export const WorkerMessageHandler: unknown;
}
