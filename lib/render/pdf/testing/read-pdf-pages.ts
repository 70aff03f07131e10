/**
 * A PDF read back the way a reader's tools see it, with poppler
 * (poppler-utils, which `npm test` installs): the words of each page with
 * their boxes (`pdftotext -bbox`), grouped into the lines they sit on, and
 * the text in drawing order (`pdftotext -raw`). Tests judge the layout from
 * this, not from what the renderer meant to draw.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Words sharing a baseline (within half a point), left to right. */
export interface PdfLine {
  readonly words: readonly PdfWord[];
  /** The words joined without spaces. */
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

export interface PdfPageText {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly PdfLine[];
}

export function hasPoppler(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function withFile<T>(pdf: Uint8Array, run: (file: string) => T): T {
  const directory = mkdtempSync(path.join(tmpdir(), "nianbao-pdf-read-"));
  try {
    const file = path.join(directory, "report.pdf");
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function toLines(words: PdfWord[]): PdfLine[] {
  // Baselines: words of one line share yMax (same font size) or nearly so.
  const sorted = [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const groups: PdfWord[][] = [];
  for (const word of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(group[0]!.yMax - word.yMax) <= 0.5) group.push(word);
    else groups.push([word]);
  }
  return groups.map((group) => {
    const ordered = group.sort((a, b) => a.xMin - b.xMin);
    return {
      words: ordered,
      text: ordered.map((w) => w.text).join(""),
      xMin: Math.min(...ordered.map((w) => w.xMin)),
      xMax: Math.max(...ordered.map((w) => w.xMax)),
      yMin: Math.min(...ordered.map((w) => w.yMin)),
      yMax: Math.max(...ordered.map((w) => w.yMax)),
    };
  });
}

/** Every page's words and lines, from `pdftotext -bbox`. */
export function readPdfPages(pdf: Uint8Array): PdfPageText[] {
  const html = withFile(pdf, (file) =>
    execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }),
  );
  const pages: PdfPageText[] = [];
  const pagePattern = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordPattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/word>/g;
  for (const page of html.matchAll(pagePattern)) {
    const words: PdfWord[] = [];
    for (const word of page[3]!.matchAll(wordPattern)) {
      words.push({
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
        text: decodeEntities(word[5]!),
      });
    }
    pages.push({ width: Number(page[1]), height: Number(page[2]), lines: toLines(words) });
  }
  return pages;
}

/** The text in drawing order (`pdftotext -raw`), pages separated by form feeds. */
export function readPdfRawText(pdf: Uint8Array): string {
  return withFile(pdf, (file) =>
    execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }),
  );
}

/** The fonts a PDF embeds, as `pdffonts` lists them (name, embedded, subset). */
export function readPdfFonts(pdf: Uint8Array): { name: string; isEmbedded: boolean }[] {
  const listing = withFile(pdf, (file) => execFileSync("pdffonts", [file], { encoding: "utf8" }));
  return listing
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name, type…, encoding, emb, sub, uni, object, id: emb is the fifth from the end.
      return { name: columns[0]!, isEmbedded: columns[columns.length - 5] === "yes" };
    });
}
