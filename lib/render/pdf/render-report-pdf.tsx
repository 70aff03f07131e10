/**
 * The report as a PDF (Buffer), from the one view model.
 *
 * Callable from a Next.js route handler or server action (Node runtime;
 * @react-pdf/renderer is in Next's default serverExternalPackages, so it is
 * loaded from node_modules rather than bundled) and from a plain tsx script.
 * Not for the Edge runtime: the fonts are read from disk.
 *
 * Cost: the first call in a process registers and opens the fonts; later
 * calls reuse them (see bench/render.bench.ts for figures). Rendering is CPU
 * work of around a second: keep it out of database transactions.
 */
import { renderToBuffer } from "@react-pdf/renderer";
import type { ReportView } from "../to-report-view";
import { registerPdfFonts } from "./register-pdf-fonts";
import { ReportPdfDocument } from "./report-pdf-document";
import { toPrintableText } from "./to-printable-text";

export interface RenderReportPdfOptions {
  /** Directory holding 400Regular/ and 700Bold/ of @expo-google-fonts/noto-serif-sc. */
  readonly fontDirectory?: string;
}

export async function renderReportPdf(view: ReportView, options: RenderReportPdfOptions = {}): Promise<Buffer> {
  const fonts = await registerPdfFonts(options.fontDirectory);
  const print = (text: string): string => toPrintableText(text, fonts.hasGlyph);
  return renderToBuffer(<ReportPdfDocument view={view} fontFamily={fonts.family} print={print} />);
}
