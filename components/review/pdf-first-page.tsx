"use client";
import { useEffect, useRef, useState } from "react";

type PdfJs = typeof import("pdfjs-dist");

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded when first needed. Its worker module runs on the page's thread (pdf.js
 * uses a module already on `globalThis.pdfjsWorker` instead of starting a worker), so no
 * worker file has to be served beside the app's bundles.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import("pdfjs-dist/build/pdf.worker.min.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import("pdfjs-dist");
  })();
  return pdfjs;
}

/**
 * The first page of a PDF drawn on a canvas, as the printed page looks (pdf.js draws the
 * embedded fonts). `onPages` hears how many pages the document has.
 */
export function PdfFirstPage({
  pdf,
  label,
  onPages,
}: {
  pdf: ArrayBuffer;
  label: string;
  onPages?: (count: number) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    (async () => {
      const library = await loadPdfJs();
      const document = await library.getDocument({ data: new Uint8Array(pdf.slice(0)) }).promise;
      if (!isCurrent) return;
      onPages?.(document.numPages);
      const page = await document.getPage(1);
      const target = canvas.current;
      if (!target || !isCurrent) return;
      const viewport = page.getViewport({ scale: 1.2 });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      const context = target.getContext("2d");
      if (!context) throw new Error("no 2d canvas");
      await page.render({ canvas: target, canvasContext: context, viewport }).promise;
      target.dataset.rendered = "true";
    })().catch(() => {
      if (isCurrent) setFailed(true);
    });
    return () => {
      isCurrent = false;
    };
  }, [pdf, onPages]);
  if (failed) return <p className="muted">浏览器未能显示首页，请打开完整样稿查看。</p>;
  return <canvas ref={canvas} className="pdf-first-page" role="img" aria-label={label} data-testid="pdf-first-page" />;
}
