/**
 * The PDF's fonts: for each of the four faces (pdf-faces.ts) the office's own
 * licensed font when it is in the font folder, and always the open stand-in
 * from npm, which draws whatever the office's font lacks (仿宋_GB2312 has only
 * GB 2312's characters). Registered with react-pdf under one family per font,
 * and measured with the very fontkit objects react-pdf draws with, so the
 * layout's line widths are the drawn ones.
 *
 * The font folder (default `fonts/` in the project, or PDF_FONT_DIR): drop
 * TTF, OTF or TTC files named as `officeFontFileNames` lists (方正小标宋简体.ttf,
 * 仿宋_GB2312.ttf, 黑体.ttf, 楷体_GB2312.ttf …); the next PDF embeds them
 * (subset: only the glyphs used). Fonts are read once per process and folder.
 *
 * Stand-ins are TTF from npm, read by literal path under process.cwd() so
 * Next's file tracing ships them (with `output: 'standalone'`, list them in
 * outputFileTracingIncludes); LXGW WenKai is on npm only as WOFF and is
 * unwrapped in memory (woff-to-sfnt.ts). WOFF is never handed to fontkit:
 * it inflates a table again on every glyph and takes minutes.
 *
 * Server-only (reads files).
 */
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import * as fontkit from "fontkit";
import type { PdfTextMeasure } from "./break-lines";
import { officeFontFileNames, pdfFaces, type PdfFace } from "./pdf-faces";
import { MISSING_GLYPH_MARK } from "./to-printable-text";
import { isWoff, woffToSfnt } from "./woff-to-sfnt";

/** The open stand-ins, by literal path (see above). */
function standInFiles(): Record<PdfFace, string> {
  return {
    title: path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf"),
    body: path.join(
      process.cwd(),
      "node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
    ),
    heiti: path.join(
      process.cwd(),
      "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
    ),
    // fontsource names every file "latin"; this one is the whole LXGW WenKai Regular (weight 400).
    kaiti: path.join(process.cwd(), "node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff"),
  };
}

/** The default font folder: `fonts/` in the project (see fonts/README.md). */
export function defaultFontDirectory(): string {
  return path.join(process.cwd(), "fonts");
}

const FONT_EXTENSIONS = [".ttf", ".otf", ".ttc"];

/** The office's font files in `directory`, by face (the first name of each face's list that is there). */
export function findOfficeFonts(directory: string): Partial<Record<PdfFace, string>> {
  if (!existsSync(/* turbopackIgnore: true */ directory)) return {};
  const files = readdirSync(/* turbopackIgnore: true */ directory);
  const byName = new Map<string, string>();
  for (const file of files) {
    const extension = path.extname(file).toLowerCase();
    if (!FONT_EXTENSIONS.includes(extension)) continue;
    byName.set(path.basename(file, path.extname(file)).normalize("NFC").toLowerCase(), file);
  }
  const found: Partial<Record<PdfFace, string>> = {};
  for (const face of pdfFaces) {
    for (const name of officeFontFileNames[face]) {
      const file = byName.get(name.normalize("NFC").toLowerCase());
      if (file) {
        found[face] = path.join(/* turbopackIgnore: true */ directory, file);
        break;
      }
    }
  }
  return found;
}

type FontkitFont = fontkit.Font;

interface LoadedFont {
  readonly family: string;
  readonly font: FontkitFont;
  /** Where it came from, for the report of which fonts a PDF embeds. */
  readonly file: string;
}

export interface PdfFontSet extends PdfTextMeasure {
  /** Per face, the office's font (if any) then the stand-in. */
  readonly faces: Readonly<Record<PdfFace, readonly { family: string; postscriptName: string; file: string }[]>>;
}

async function openFont(file: string): Promise<FontkitFont> {
  const bytes = await readFile(/* turbopackIgnore: true */ file);
  const sfnt = isWoff(bytes) ? woffToSfnt(bytes) : bytes;
  const opened = fontkit.create(sfnt);
  // A collection (.ttc, e.g. simsun.ttc): its first font.
  const font = "fonts" in opened ? opened.fonts[0] : opened;
  if (!font) throw new Error(`PDF font ${file} holds no font`);
  return font;
}

let familyCounter = 0;

/**
 * Hands a parsed font to react-pdf under a family of its own. react-pdf loads
 * fonts from a path, a URL or a data URL; a font unwrapped in memory has
 * none, so its source is given the parsed font directly (FontSource's public
 * `data`, with its load marked done).
 */
function registerFont(font: FontkitFont, face: PdfFace, kind: "office" | "open"): string {
  familyCounter += 1;
  const family = `nianbao-${face}-${kind}-${familyCounter}`;
  Font.register({ family, src: `${family}.ttf`, fontWeight: 400, fontStyle: "normal" });
  const source = Font.getFont({ fontFamily: family, fontWeight: 400, fontStyle: "normal" });
  source.data = font as unknown as typeof source.data;
  source.loadResultPromise = Promise.resolve();
  return family;
}

const CJK_START = 0x2e80;

function facesOf(fonts: Record<PdfFace, readonly LoadedFont[]>): PdfFontSet["faces"] {
  const describe = (face: PdfFace) =>
    fonts[face].map((loaded) => ({
      family: loaded.family,
      postscriptName: loaded.font.postscriptName,
      file: loaded.file,
    }));
  return { title: describe("title"), body: describe("body"), heiti: describe("heiti"), kaiti: describe("kaiti") };
}

function createFontSet(fonts: Record<PdfFace, readonly LoadedFont[]>): PdfFontSet {
  const byFamily = new Map<string, FontkitFont>();
  for (const face of pdfFaces) for (const loaded of fonts[face]) byFamily.set(loaded.family, loaded.font);
  const glyphCache = new Map<string, string | null>();
  const advanceCache = new Map<string, number>();
  const widthCache = new Map<string, number>();

  const familyFor = (face: PdfFace, codePoint: number): string | null => {
    const key = `${face}:${codePoint}`;
    let family = glyphCache.get(key);
    if (family === undefined) {
      family =
        fonts[face].find((loaded) => loaded.font.hasGlyphForCodePoint(codePoint))?.family ??
        (codePoint === MISSING_GLYPH_MARK.codePointAt(0) ? (fonts.body.at(-1)?.family ?? null) : null);
      glyphCache.set(key, family);
    }
    return family;
  };

  /** Width in em of `text` in `font`: CJK by glyph advances, anything else shaped (kerning). */
  const emWidth = (family: string, font: FontkitFont, text: string): number => {
    const key = `${family}\u0000${text}`;
    let width = widthCache.get(key);
    if (width !== undefined) return width;
    let isCjk = true;
    for (const char of text) if ((char.codePointAt(0) ?? 0) < CJK_START) isCjk = false;
    if (isCjk) {
      width = 0;
      for (const char of text) {
        const advanceKey = `${family}\u0000${char}`;
        let advance = advanceCache.get(advanceKey);
        if (advance === undefined) {
          advance = font.glyphForCodePoint(char.codePointAt(0) ?? 0).advanceWidth / font.unitsPerEm;
          advanceCache.set(advanceKey, advance);
        }
        width += advance;
      }
    } else {
      width = font.layout(text).advanceWidth / font.unitsPerEm;
    }
    if (widthCache.size > 200_000) widthCache.clear();
    widthCache.set(key, width);
    return width;
  };

  return {
    familyFor,
    measure: (family, text, size) => {
      const font = byFamily.get(family);
      if (!font) throw new Error(`PDF font family ${family} is not registered`);
      return emWidth(family, font, text) * size;
    },
    ascent: (family) => {
      const font = byFamily.get(family);
      return font ? font.ascent / font.unitsPerEm : 0.88;
    },
    faces: facesOf(fonts),
  };
}

async function loadFontSet(directory: string): Promise<PdfFontSet> {
  const standIns = standInFiles();
  for (const file of Object.values(standIns)) {
    if (!existsSync(/* turbopackIgnore: true */ file))
      throw new Error(`PDF font missing: ${file}. Run npm install (the fonts are npm packages).`);
  }
  const office = findOfficeFonts(directory);
  const opened = new Map<string, Promise<FontkitFont>>();
  const open = (file: string) => {
    let font = opened.get(file);
    if (!font) {
      font = openFont(file);
      opened.set(file, font);
    }
    return font;
  };
  const entries = await Promise.all(
    pdfFaces.map(async (face) => {
      const list: LoadedFont[] = [];
      const officeFile = office[face];
      if (officeFile) {
        try {
          list.push({
            family: registerFont(await open(officeFile), face, "office"),
            font: await open(officeFile),
            file: officeFile,
          });
        } catch (error) {
          // A damaged file must not stop publication: the open face draws instead, and the log says why.
          console.error(`[pdf fonts] ${officeFile} cannot be used:`, error);
        }
      }
      const standIn = await open(standIns[face]);
      list.push({ family: registerFont(standIn, face, "open"), font: standIn, file: standIns[face] });
      return [face, list] as const;
    }),
  );
  return createFontSet(Object.fromEntries(entries) as Record<PdfFace, LoadedFont[]>);
}

const loaded = new Map<string, Promise<PdfFontSet>>();

/**
 * The fonts for PDFs, read once per process and font folder (the first call
 * reads ~50 MB of font files; later calls are free).
 */
export function loadPdfFonts(fontDirectory: string = defaultFontDirectory()): Promise<PdfFontSet> {
  const key = path.resolve(fontDirectory);
  let set = loaded.get(key);
  if (!set) {
    // react-pdf breaks nothing: every line arrives set (break-lines.ts).
    Font.registerHyphenationCallback((word) => [word]);
    set = loadFontSet(key).catch((error: unknown) => {
      loaded.delete(key);
      throw error;
    });
    loaded.set(key, set);
  }
  return set;
}
