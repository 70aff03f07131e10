/**
 * What a typesetter checks on a report's printed pages, read from the PDF
 * (read-pdf-pages.ts) and the view it was made from:
 *
 * - no table header without at least two body rows under it on its page
 *   (all of them when the grid has fewer);
 * - no heading as the last line of a page;
 * - no page more than a fifth empty, unless the next page opens with a table;
 * - page numbers "— n —" one character in from the text block's outer edge:
 *   odd pages at the right, even pages at the left;
 * - every character of the report printed, and nothing else (the multiset of
 *   characters of the text in drawing order equals the view's).
 *
 * Returns the problems found, in words, so a failing test says which page.
 */
import type { GridView, ReportView } from "../../to-report-view";
import { BODY_SIZE, TEXT_BLOCK_HEIGHT, TEXT_BOTTOM, TEXT_LEFT, TEXT_RIGHT, TEXT_TOP } from "../pdf-geometry";
import type { PdfLine, PdfPageText } from "./read-pdf-pages";

const PAGE_NUMBER = /^—(\d+)—$/;
const FIGURE = /^(?:-?[\d.]+|—)$/;
const MAX_BLANK_SHARE = 0.2;
/**
 * The lines of one figure broken over lines follow each other at 1.15 font
 * sizes (about 0.8 of a line's box height); the figures of two rows are
 * further apart by at least the cells' padding and rule (5.75 pt).
 */
function isNewRow(previous: PdfLine, line: PdfLine): boolean {
  const height = previous.yMax - previous.yMin;
  return line.yMax - previous.yMax > 0.8 * height + 3;
}

function squeeze(text: string): string {
  return text.replace(/[\s\u00A0\u3000]/g, "");
}

/** A text of the grid that prints once per header: its block title, or its first column-group header. */
function gridMarker(grid: GridView): string {
  if (grid.title !== null) return squeeze(grid.title);
  const top = grid.headerRows[0] ?? [];
  const named = top.filter((cell) => cell.key !== "stub" && squeeze(cell.text).length >= 2);
  const shortest = [...named].sort((a, b) => a.text.length - b.text.length)[0];
  return squeeze(shortest?.text ?? "");
}

function headingsOf(view: ReportView, isAuthorHeading: (text: string) => boolean): string[] {
  const out: string[] = [];
  for (const section of view.sections) {
    out.push(squeeze(section.heading));
    if (section.kind === "narrative") {
      for (const text of section.paragraphs) if (isAuthorHeading(text)) out.push(squeeze(text));
      for (const part of section.parts) {
        out.push(squeeze(part.heading));
        for (const text of part.paragraphs) if (isAuthorHeading(text)) out.push(squeeze(text));
      }
    }
  }
  for (const text of view.preamble.paragraphs) if (isAuthorHeading(text)) out.push(squeeze(text));
  return out;
}

/** Every text the view prints, for the character count. */
function printedTexts(view: ReportView): string[] {
  const texts = [...view.titleLines, ...view.preamble.paragraphs];
  if (view.correction)
    texts.push(
      view.correction.version === null ? "更正说明" : `更正说明（第${view.correction.version}版）`,
      ...view.correction.paragraphs,
    );
  for (const section of view.sections) {
    texts.push(section.heading);
    if (section.kind === "narrative") {
      texts.push(...section.paragraphs);
      for (const part of section.parts) texts.push(part.heading, ...part.paragraphs);
      continue;
    }
    for (const grid of section.grids) {
      const headerTexts = [...(grid.title === null ? [] : [grid.title]), ...grid.headerRows.flat().map((c) => c.text)];
      texts.push(...headerTexts);
      for (const row of grid.bodyRows) for (const cell of row.cells) texts.push(cell.text);
    }
  }
  const date = view.documentDateText;
  if (date !== null) texts.push(view.organizationName, date);
  return texts;
}

/** Header texts of grids are printed again on each page a grid continues on. */
function repeatedHeaderTexts(view: ReportView, pages: readonly PdfPageText[]): string[] {
  const out: string[] = [];
  for (const section of view.sections) {
    if (section.kind !== "table") continue;
    for (const grid of section.grids) {
      const marker = gridMarker(grid);
      const times = pages.filter((page) => page.lines.some((line) => isMarkerLine(line, marker))).length;
      for (let i = 1; i < times; i += 1)
        out.push(...(grid.title === null ? [] : [grid.title]), ...grid.headerRows.flat().map((c) => c.text));
    }
  }
  return out;
}

function characterCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const char of squeeze(text)) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/**
 * Whether a line prints a grid's header marker: inside a table, so never at
 * the text block's left edge or paragraph indent, where a sentence quoting
 * the same words (“行政复议”, “第二十条第（一）项”) would start.
 */
function isMarkerLine(line: PdfLine, marker: string): boolean {
  return line.text.includes(marker) && line.xMin > TEXT_LEFT + 2 * BODY_SIZE + 3;
}

function contentLines(page: PdfPageText): PdfLine[] {
  return page.lines.filter((line) => !PAGE_NUMBER.test(line.text) && line.yMin < TEXT_BOTTOM + 1);
}

function isTableStart(line: PdfLine | undefined, view: ReportView): boolean {
  if (!line) return false;
  return view.sections.some(
    (section) =>
      section.kind === "table" &&
      (line.text === squeeze(section.heading) || section.grids.some((grid) => isMarkerLine(line, gridMarker(grid)))),
  );
}

export interface PdfCheckInput {
  readonly view: ReportView;
  readonly pages: readonly PdfPageText[];
  readonly rawText: string;
  readonly isAuthorHeading: (text: string) => boolean;
}

export function checkPdfPages({ view, pages, rawText, isAuthorHeading }: PdfCheckInput): string[] {
  const problems: string[] = [];
  const grids = view.sections.flatMap((section) => (section.kind === "table" ? section.grids : []));
  const markers = grids.map(gridMarker);
  const headings = new Set(headingsOf(view, isAuthorHeading));
  const sectionHeadings = new Set(view.sections.map((section) => squeeze(section.heading)));

  pages.forEach((page, index) => {
    const number = index + 1;
    const lines = contentLines(page);

    // Table headers and the rows under them.
    grids.forEach((grid, g) => {
      const marker = markers[g]!;
      const at = lines.findIndex((line) => isMarkerLine(line, marker));
      if (at < 0) return;
      const valueColumns = grid.columnCount - grid.stubColumnCount;
      const below = lines.slice(at + 1);
      const end = below.findIndex(
        (line) => markers.some((m, k) => k !== g && isMarkerLine(line, m)) || sectionHeadings.has(line.text),
      );
      const region = end < 0 ? below : below.slice(0, end);
      let rows = 0;
      let lastFigureLine: PdfLine | null = null;
      for (const line of region) {
        const figures = line.words.filter((word) => FIGURE.test(word.text)).length;
        if (figures < Math.min(valueColumns, 3)) continue;
        if (!lastFigureLine || isNewRow(lastFigureLine, line)) rows += 1;
        lastFigureLine = line;
      }
      const least = Math.min(2, grid.bodyRows.length);
      if (rows < least) problems.push(`page ${number}: the header of ${grid.id} has ${rows} body rows under it`);
    });

    // Headings never end a page.
    const last = lines[lines.length - 1];
    if (last && headings.has(last.text) && index < pages.length - 1)
      problems.push(`page ${number}: ends with the heading ${last.text}`);

    // Blank share.
    if (index < pages.length - 1) {
      const bottom = Math.max(TEXT_TOP, ...lines.map((line) => line.yMax));
      const blank = (TEXT_BOTTOM - bottom) / TEXT_BLOCK_HEIGHT;
      const next = contentLines(pages[index + 1]!)[0];
      if (blank > MAX_BLANK_SHARE && !isTableStart(next, view))
        problems.push(
          `page ${number}: ${(blank * 100).toFixed(0)}% empty, and page ${number + 1} opens with ${next?.text.slice(0, 20)}`,
        );
    }

    // Page numbers.
    const numberLine = page.lines.find((line) => PAGE_NUMBER.test(line.text));
    if (!numberLine || Number(PAGE_NUMBER.exec(numberLine.text)?.[1]) !== number) {
      problems.push(`page ${number}: no page number “— ${number} —”`);
    } else if (numberLine.yMin < TEXT_BOTTOM) {
      problems.push(`page ${number}: the page number is inside the text block`);
    } else {
      const oneCharacter = 14;
      const isRight = Math.abs(numberLine.xMax - (TEXT_RIGHT - oneCharacter)) <= 2;
      const isLeft = Math.abs(numberLine.xMin - (TEXT_LEFT + oneCharacter)) <= 2;
      if (number % 2 === 1 ? !isRight : !isLeft)
        problems.push(
          `page ${number}: page number at ${numberLine.xMin.toFixed(1)}–${numberLine.xMax.toFixed(1)}, expected ${number % 2 === 1 ? "right" : "left"}`,
        );
    }
  });

  // Every character, once (repeated table headers aside), and nothing else.
  const printed = rawText
    .split("\n")
    .filter((line) => !PAGE_NUMBER.test(squeeze(line)))
    .join("");
  const expected = characterCounts([...printedTexts(view), ...repeatedHeaderTexts(view, pages)]);
  const actual = characterCounts([printed]);
  for (const [char, count] of expected) {
    const found = actual.get(char) ?? 0;
    if (found !== count) problems.push(`character ${char}: printed ${found} times, expected ${count}`);
  }
  for (const [char, count] of actual)
    if (!expected.has(char)) problems.push(`character ${char}: printed ${count} times, not in the report`);
  return problems;
}
