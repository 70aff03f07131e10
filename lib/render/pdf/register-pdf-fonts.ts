/**
 * The PDF's fonts: Noto Serif SC Regular (body) and Bold (title, headings,
 * table headers) from @expo-google-fonts/noto-serif-sc, registered with
 * react-pdf by absolute file path, plus the CJK line-breaking callback.
 *
 * TTF on purpose: react-pdf subsets TTF/OTF fonts, so only the glyphs used
 * are embedded (a full report is tens of KB of font), whereas WOFF is slow.
 *
 * Paths are built from process.cwd(), not require.resolve: inside a Next.js
 * server bundle require.resolve points into the bundle, while the working
 * directory is the project root under `next dev`/`next start`, tsx and
 * vitest. Turbopack/NFT trace `path.join(process.cwd(), '<literal>')`, so
 * the two .ttf files are shipped with the server output; with
 * `output: 'standalone'` also list them in outputFileTracingIncludes.
 * A caller with another layout can pass its own directory.
 *
 * Server-only (reads files); everything else in lib/render/pdf is universal.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { splitCjkLineUnits } from "./split-cjk-line-units";

export const PDF_FONT_FAMILY = "NotoSerifSC";

interface FontFile {
  readonly weight: 400 | 700;
  readonly src: string;
}

/**
 * The default font files. Literal paths under process.cwd(), so Turbopack's
 * file tracing ships exactly these two files (a computed path would make it
 * trace the whole project).
 */
function defaultFontFiles(): FontFile[] {
  return [
    {
      weight: 400,
      src: path.join(
        process.cwd(),
        "node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
      ),
    },
    {
      weight: 700,
      src: path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf"),
    },
  ];
}

/** The same files under another directory (the package's own layout). */
function fontFilesIn(directory: string): FontFile[] {
  return [
    { weight: 400, src: path.join(/* turbopackIgnore: true */ directory, "400Regular", "NotoSerifSC_400Regular.ttf") },
    { weight: 700, src: path.join(/* turbopackIgnore: true */ directory, "700Bold", "NotoSerifSC_700Bold.ttf") },
  ];
}

export interface PdfFonts {
  readonly family: string;
  /** Whether every registered weight can draw the code point. */
  readonly hasGlyph: (codePoint: number) => boolean;
}

let registered: Promise<PdfFonts> | undefined;

/**
 * Register the fonts and the hyphenation callback once per process and load
 * the font files (the first call parses ~30 MB of TTF; later calls are free).
 */
export function registerPdfFonts(fontDirectory?: string): Promise<PdfFonts> {
  registered ??= loadFonts(fontDirectory === undefined ? defaultFontFiles() : fontFilesIn(fontDirectory)).catch(
    (error: unknown) => {
      registered = undefined;
      throw error;
    },
  );
  return registered;
}

async function loadFonts(files: readonly FontFile[]): Promise<PdfFonts> {
  const sources = files.map(({ weight, src }) => {
    if (!existsSync(/* turbopackIgnore: true */ src)) {
      throw new Error(
        `PDF font missing: ${src}. Install @expo-google-fonts/noto-serif-sc or pass the font directory to registerPdfFonts().`,
      );
    }
    return { src, fontWeight: weight, fontStyle: "normal" as const };
  });
  Font.register({ family: PDF_FONT_FAMILY, fonts: sources });
  Font.registerHyphenationCallback(splitCjkLineUnits);

  const fonts = await Promise.all(
    files.map(async ({ weight }) => {
      const source = Font.getFont({ fontFamily: PDF_FONT_FAMILY, fontWeight: weight });
      await source.load();
      if (!source.data) throw new Error(`PDF font ${PDF_FONT_FAMILY} ${weight} did not load`);
      return source.data;
    }),
  );
  const cache = new Map<number, boolean>();
  const hasGlyph = (codePoint: number): boolean => {
    let known = cache.get(codePoint);
    if (known === undefined) {
      known = fonts.every((font) => font.hasGlyphForCodePoint(codePoint));
      cache.set(codePoint, known);
    }
    return known;
  };
  return { family: PDF_FONT_FAMILY, hasGlyph };
}
