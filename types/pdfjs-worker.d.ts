// pdf.js's worker module, loaded on the page's own thread by components/review/pdf-first-page.tsx.
declare module "pdfjs-dist/build/pdf.worker.min.mjs" {
  export const WorkerMessageHandler: unknown;
}

// The legacy build's worker module, loaded on the reading pool's own thread by lib/import/read-report-pdf.ts.
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
