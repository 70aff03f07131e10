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
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';
import { splitCjkLineUnits } from './split-cjk-line-units';

export const PDF_FONT_FAMILY = 'NotoSerifSC';

const FONT_PACKAGE_DIRECTORY = path.join('node_modules', '@expo-google-fonts', 'noto-serif-sc');

const FONT_FILES = [
  { weight: 400, file: path.join('400Regular', 'NotoSerifSC_400Regular.ttf') },
  { weight: 700, file: path.join('700Bold', 'NotoSerifSC_700Bold.ttf') },
] as const;

export interface PdfFonts {
  readonly family: string;
  /** Whether every registered weight can draw the code point. */
  readonly hasGlyph: (codePoint: number) => boolean;
}

let registered: Promise<PdfFonts> | undefined;

/** Default font directory: the package under the project's node_modules. */
export function defaultPdfFontDirectory(): string {
  return path.join(process.cwd(), FONT_PACKAGE_DIRECTORY);
}

/**
 * Register the fonts and the hyphenation callback once per process and load
 * the font files (the first call parses ~30 MB of TTF; later calls are free).
 */
export function registerPdfFonts(fontDirectory: string = defaultPdfFontDirectory()): Promise<PdfFonts> {
  registered ??= loadFonts(fontDirectory).catch((error: unknown) => {
    registered = undefined;
    throw error;
  });
  return registered;
}

async function loadFonts(fontDirectory: string): Promise<PdfFonts> {
  const sources = FONT_FILES.map(({ weight, file }) => {
    const src = path.join(fontDirectory, file);
    if (!existsSync(src)) {
      throw new Error(
        `PDF font missing: ${src}. Install @expo-google-fonts/noto-serif-sc or pass the font directory to registerPdfFonts().`,
      );
    }
    return { src, fontWeight: weight, fontStyle: 'normal' as const };
  });
  Font.register({ family: PDF_FONT_FAMILY, fonts: sources });
  Font.registerHyphenationCallback(splitCjkLineUnits);

  const fonts = await Promise.all(
    FONT_FILES.map(async ({ weight }) => {
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
