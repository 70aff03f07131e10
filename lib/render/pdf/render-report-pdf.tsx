/**
 * The report as a PDF (Buffer), from the one view model: fonts loaded
 * (load-pdf-fonts.ts), pages laid out (layout-report.ts), drawn with
 * react-pdf (report-pdf-document.tsx).
 *
 * Callable from a Next.js route handler or server action (Node runtime;
 * @react-pdf/renderer is in serverExternalPackages) and from a plain tsx
 * script. Not for the Edge runtime: the fonts are read from disk.
 *
 * Cost: the first call in a process reads the fonts; later calls reuse them
 * (`npm run bench -- render` for figures). Rendering is CPU work: keep it out
 * of database transactions.
 */
import { renderToBuffer } from "@react-pdf/renderer";
import type { ReportView } from "../to-report-view";
import { layoutReport, type ReportLayout } from "./layout-report";
import { loadPdfFonts } from "./load-pdf-fonts";
import { ReportPdfDocument } from "./report-pdf-document";
import { reuseEmbeddedFonts } from "./reuse-embedded-fonts";

reuseEmbeddedFonts();

export interface RenderReportPdfOptions {
  /** The office's font folder (default `fonts/`, see fonts/README.md). */
  readonly fontDirectory?: string;
  /** A preview before publication: every page marked 样稿. */
  readonly isDraft?: boolean;
}

export interface RenderedReportPdf {
  readonly pdf: Buffer;
  readonly pageCount: number;
  readonly layout: ReportLayout;
  /** The PostScript names of the fonts each face may embed, office's first. */
  readonly fonts: Readonly<Record<string, readonly string[]>>;
}

export async function renderReportPdfWithLayout(
  view: ReportView,
  options: RenderReportPdfOptions = {},
): Promise<RenderedReportPdf> {
  const fonts = await loadPdfFonts(options.fontDirectory);
  const layout = layoutReport(view, fonts);
  const creationDate = view.publishedAt === null ? undefined : new Date(view.publishedAt);
  const pdf = await renderToBuffer(
    <ReportPdfDocument
      pages={layout.pages}
      title={view.title}
      author={view.organizationName}
      creationDate={creationDate && Number.isFinite(creationDate.getTime()) ? creationDate : undefined}
      ascentOf={fonts.ascent}
      draftFamily={options.isDraft ? (fonts.familyFor("heiti", 0x6837) ?? undefined) : undefined}
    />,
  );
  return {
    pdf,
    pageCount: layout.pages.length,
    layout,
    fonts: Object.fromEntries(
      Object.entries(fonts.faces).map(([face, list]) => [face, list.map((font) => font.postscriptName)]),
    ),
  };
}

export async function renderReportPdf(view: ReportView, options: RenderReportPdfOptions = {}): Promise<Buffer> {
  return (await renderReportPdfWithLayout(view, options)).pdf;
}
