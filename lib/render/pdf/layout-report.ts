/**
 * The report laid out on GB/T 9704 pages: every line set (break-lines.ts),
 * every table measured (layout-table.ts), then paginated the way a
 * typesetter would:
 *
 * - a heading (一、, （一）, and authors' own numbered headings) never ends a
 *   page: it goes where the first lines of what follows it fit;
 * - a paragraph may break across pages with at least two lines on each side
 *   (a paragraph of three lines or fewer moves whole);
 * - a table header never stands without at least two body rows under it
 *   (all of them when there are fewer), a table continued on the next page
 *   repeats its header there and takes at least two rows with it, a short
 *   grid (table 二's blocks, table 四) is kept whole, and a row label spanning
 *   rows is never cut where it fits on neither side;
 * - the signature (落款) stays with at least the last two lines of the text;
 * - so a page is left more than a fifth empty only when the next block is a
 *   table that cannot start there.
 *
 * Faces: title 小标宋, body 仿宋, 一、 headings 黑体, （一） headings 楷体 (a
 * run-in heading such as “（一）主动公开方面。” takes its face too); page numbers
 * "— 1 —" in 4号, odd pages at the right, even pages at the left, one
 * character in from the edge of the text block.
 *
 * Universal and pure: a function of the view model and the fonts' metrics.
 */
import type { NarrativeSectionView, ReportView, TableSectionView } from "../to-report-view";
import { breakLines, justifiedSpacing, type PdfTextMeasure, type SetLine, type StyledText } from "./break-lines";
import { computeColumnWidths } from "./compute-column-widths";
import { canBreakBefore, drawTableSegments, layoutTable, type TableLayout, type TableSegment } from "./layout-table";
import type { PdfFace } from "./pdf-faces";
import {
  BODY_SIZE,
  CELL_PADDING_X,
  LINE_PITCH,
  PAGE_NUMBER_SIZE,
  PAGE_NUMBER_TOP,
  RULE_WIDTH,
  TABLE_SIZE,
  TEXT_BLOCK_WIDTH,
  TEXT_BOTTOM,
  TEXT_LEFT,
  TEXT_RIGHT,
  TEXT_TOP,
  TITLE_LINE,
  TITLE_SIZE,
} from "./pdf-geometry";
import { mergeRules } from "./merge-rules";
import type { PdfPageLayout, PlacedBlock, PlacedBlockRole, PlacedRule, PlacedText } from "./placed";

export interface ReportLayout {
  readonly pages: readonly PdfPageLayout[];
}

/** A set line ready to place: its pieces at x, relative to the line's top. */
interface LineBox {
  readonly height: number;
  readonly texts: readonly PlacedText[];
}

interface LinesBlock {
  readonly kind: "lines";
  readonly role: Exclude<PlacedBlockRole, "table">;
  readonly lines: readonly LineBox[];
  /** May break between lines (two at least on each side). */
  readonly isSplittable: boolean;
  /** Must share its page with the start of the next block. */
  readonly keepWithNext: boolean;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  /** Rules drawn under the block (the 更正说明's closing rule), relative to its bottom. */
  readonly ruleBelow?: boolean;
}

interface TableBlock {
  readonly kind: "table";
  readonly table: TableLayout;
  /** Short grids are never split. */
  readonly keepWhole: boolean;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
}

type Block = LinesBlock | TableBlock;

/** Grids with at most this many body rows are never split across pages. */
const KEEP_WHOLE_ROWS = 8;
/** Lines a paragraph keeps on each side of a page break. */
const MIN_LINES = 2;
const EPSILON = 0.01;

/**
 * Authors number their own sub-headings inside the narrative (（二）政府信息主动公开工作情况,
 * 三、…, 1.…): a short one-line paragraph opening with such a number is a heading, kept with
 * the lines after it and set in its level's face.
 */
export function isAuthorHeading(text: string): boolean {
  return (
    text.length <= 40 &&
    estimateEm(text) <= 28 &&
    /^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])/.test(text) &&
    !/[。；;]$/.test(text)
  );
}

function estimateEm(text: string): number {
  let em = 0;
  for (const char of text) em += char.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return em;
}

/** The face of a heading by its number: 一、 → 黑体, （一） → 楷体, 1. → 仿宋. */
function headingFace(text: string): PdfFace {
  if (/^[一二三四五六七八九十]{1,3}、/.test(text)) return "heiti";
  if (/^[（(][一二三四五六七八九十]{1,3}[)）]/.test(text)) return "kaiti";
  return "body";
}

/**
 * A paragraph opening with a numbered run-in heading (（一）主动公开方面。…, 一、总体情况。…)
 * has that heading in its level's face and the rest in the body face.
 */
function paragraphRuns(text: string): StyledText[] {
  const match =
    /^((?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[^。！？；\n]{1,30}?[。：:])(.+)$/u.exec(
      text,
    );
  if (!match) return [{ text, face: "body" }];
  return [
    { text: match[1]!, face: headingFace(match[1]!) },
    { text: match[2]!, face: "body" },
  ];
}

function lineBoxes(
  lines: readonly SetLine[],
  x: number,
  width: number,
  size: number,
  height: number,
  align: "justify" | "left" | "center",
): LineBox[] {
  return lines.map((line) => {
    const spacing = align === "justify" ? justifiedSpacing(line, width, size) : 0;
    let at = x + (align === "center" ? (width - line.width) / 2 : line.indent);
    const texts: PlacedText[] = [];
    for (const piece of line.pieces) {
      const letterSpacing = piece.isWord ? 0 : spacing;
      texts.push({
        x: at,
        y: 0,
        text: piece.text,
        family: piece.family,
        size,
        lineHeight: height,
        letterSpacing,
        width: piece.width,
      });
      at += piece.width + (piece.isWord ? spacing : spacing * piece.graphemes);
    }
    return { height, texts };
  });
}

function paragraphBlock(text: string, measure: PdfTextMeasure): LinesBlock {
  const isHeading = isAuthorHeading(text);
  const runs = isHeading ? [{ text, face: headingFace(text) }] : paragraphRuns(text);
  const lines = breakLines(runs, measure, {
    width: TEXT_BLOCK_WIDTH,
    size: BODY_SIZE,
    firstLineIndent: 2 * BODY_SIZE,
  });
  return {
    kind: "lines",
    role: isHeading ? "heading" : "paragraph",
    lines: lineBoxes(lines, TEXT_LEFT, TEXT_BLOCK_WIDTH, BODY_SIZE, LINE_PITCH, isHeading ? "left" : "justify"),
    isSplittable: !isHeading,
    keepWithNext: isHeading,
    spaceBefore: 0,
    spaceAfter: 0,
  };
}

function headingBlock(text: string, face: PdfFace, measure: PdfTextMeasure): LinesBlock {
  const lines = breakLines([{ text, face }], measure, {
    width: TEXT_BLOCK_WIDTH,
    size: BODY_SIZE,
    firstLineIndent: 2 * BODY_SIZE,
  });
  return {
    kind: "lines",
    role: "heading",
    lines: lineBoxes(lines, TEXT_LEFT, TEXT_BLOCK_WIDTH, BODY_SIZE, LINE_PITCH, "left"),
    isSplittable: false,
    keepWithNext: true,
    spaceBefore: 0,
    spaceAfter: 0,
  };
}

function titleBlock(view: ReportView, measure: PdfTextMeasure): LinesBlock {
  const family = measure.familyFor("title", 0x5e74) ?? "";
  // One line if it fits; otherwise broken after the body's name, as official titles are.
  const fitsOneLine = measure.measure(family, view.title, TITLE_SIZE) <= TEXT_BLOCK_WIDTH;
  const lines = (fitsOneLine ? [view.title] : view.titleLines).flatMap((line) =>
    breakLines([{ text: line, face: "title" }], measure, { width: TEXT_BLOCK_WIDTH, size: TITLE_SIZE }),
  );
  return {
    kind: "lines",
    role: "title",
    lines: lineBoxes(lines, TEXT_LEFT, TEXT_BLOCK_WIDTH, TITLE_SIZE, TITLE_LINE, "center"),
    isSplittable: false,
    keepWithNext: true,
    spaceBefore: 0,
    // One blank line under the title.
    spaceAfter: LINE_PITCH,
  };
}

function correctionBlocks(view: ReportView, measure: PdfTextMeasure): Block[] {
  if (!view.correction) return [];
  const label = view.correction.version === null ? "更正说明" : `更正说明（第${view.correction.version}版）`;
  const paragraphs = view.correction.paragraphs.map((text, i, all): LinesBlock => {
    const lines = breakLines([{ text, face: "kaiti" }], measure, {
      width: TEXT_BLOCK_WIDTH,
      size: BODY_SIZE,
      firstLineIndent: 2 * BODY_SIZE,
    });
    return {
      kind: "lines",
      role: "correction",
      lines: lineBoxes(lines, TEXT_LEFT, TEXT_BLOCK_WIDTH, BODY_SIZE, LINE_PITCH, "justify"),
      isSplittable: true,
      keepWithNext: false,
      spaceBefore: 0,
      spaceAfter: i === all.length - 1 ? LINE_PITCH / 2 : 0,
      ruleBelow: i === all.length - 1,
    };
  });
  return [{ ...headingBlock(label, "heiti", measure), role: "correction" }, ...paragraphs];
}

function narrativeBlocks(section: NarrativeSectionView, measure: PdfTextMeasure): Block[] {
  return [
    headingBlock(section.heading, "heiti", measure),
    ...section.paragraphs.map((text) => paragraphBlock(text, measure)),
    ...section.parts.flatMap((part) => [
      headingBlock(part.heading, "kaiti", measure),
      ...part.paragraphs.map((text) => paragraphBlock(text, measure)),
    ]),
  ];
}

function tableBlocks(section: TableSectionView, measure: PdfTextMeasure): Block[] {
  const widths = computeColumnWidths(section, {
    width: TEXT_BLOCK_WIDTH,
    fontSize: TABLE_SIZE,
    cellPadding: 2 * CELL_PADDING_X + RULE_WIDTH,
  });
  return [
    headingBlock(section.heading, "heiti", measure),
    ...section.grids.map((grid, i, all): TableBlock => {
      const table = layoutTable(grid, widths.get(grid.id) ?? [], measure);
      return {
        kind: "table",
        table,
        keepWhole: grid.bodyRows.length <= KEEP_WHOLE_ROWS,
        spaceBefore: 0,
        // Table 二's blocks stack into one table; a gap after the section's last grid.
        spaceAfter: i === all.length - 1 ? LINE_PITCH / 2 : 0,
      };
    }),
  ];
}

/**
 * 落款 without a seal (GB/T 9704 7.3.5.2): one blank line under the text, the
 * body's name two characters in from the right, the 成文日期 under it two
 * characters to the right of the name's start; a date longer than the name
 * ends two characters in, and the name moves left with it.
 */
function signatureBlock(view: ReportView, measure: PdfTextMeasure): LinesBlock | null {
  const dateText = view.documentDateText;
  if (dateText === null) return null;
  const [name = [], date = []] = [view.organizationName, dateText].map((text) =>
    breakLines([{ text, face: "body" }], measure, { width: TEXT_BLOCK_WIDTH, size: BODY_SIZE }),
  );
  const nameWidth = Math.max(0, ...name.map((line) => line.width));
  const dateWidth = Math.max(0, ...date.map((line) => line.width));
  let nameX = TEXT_RIGHT - 2 * BODY_SIZE - nameWidth;
  let dateX = nameX + 2 * BODY_SIZE;
  if (dateX + dateWidth > TEXT_RIGHT - 2 * BODY_SIZE) {
    dateX = TEXT_RIGHT - 2 * BODY_SIZE - dateWidth;
    nameX = Math.min(nameX, dateX - 2 * BODY_SIZE);
  }
  nameX = Math.max(TEXT_LEFT, nameX);
  return {
    kind: "lines",
    role: "signature",
    lines: [
      ...lineBoxes(name, nameX, nameWidth, BODY_SIZE, LINE_PITCH, "left"),
      ...lineBoxes(date, dateX, dateWidth, BODY_SIZE, LINE_PITCH, "left"),
    ],
    isSplittable: false,
    keepWithNext: false,
    spaceBefore: LINE_PITCH,
    spaceAfter: 0,
  };
}

export function reportBlocks(view: ReportView, measure: PdfTextMeasure): Block[] {
  const blocks: Block[] = [titleBlock(view, measure), ...correctionBlocks(view, measure)];
  blocks.push(...view.preamble.paragraphs.map((text) => paragraphBlock(text, measure)));
  for (const section of view.sections) {
    blocks.push(...(section.kind === "table" ? tableBlocks(section, measure) : narrativeBlocks(section, measure)));
  }
  const signature = signatureBlock(view, measure);
  if (signature) blocks.push(signature);
  return blocks;
}

function linesHeight(lines: readonly LineBox[], from = 0, to = lines.length): number {
  let total = 0;
  for (let i = from; i < to; i += 1) total += lines[i]?.height ?? 0;
  return total;
}

function rowsHeight(table: TableLayout, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i += 1) total += table.body.heights[i] ?? 0;
  return total;
}

/**
 * The tightest the 落款 may be set when the page is short of room: no blank
 * line above it and its two lines closed up to 1.25 font sizes (GB/T 9704
 * 7.3.5.1 has the typesetter adjust line spacing rather than leave the
 * signature alone on a page).
 */
const TIGHT_SIGNATURE_LINE = BODY_SIZE * 1.25;

function tightSignatureHeight(block: LinesBlock): number {
  return block.lines.length * TIGHT_SIGNATURE_LINE;
}

/** The signature set into `room` points, or as it is when it fits. */
function fitSignature(block: LinesBlock, room: number): LinesBlock {
  const natural = block.spaceBefore + linesHeight(block.lines);
  if (natural <= room + EPSILON || tightSignatureHeight(block) > room + EPSILON) return block;
  const spaceBefore = Math.max(0, room - linesHeight(block.lines));
  const lineHeight = spaceBefore > 0 ? LINE_PITCH : Math.max(TIGHT_SIGNATURE_LINE, room / block.lines.length);
  return {
    ...block,
    spaceBefore,
    lines: block.lines.map((line) => ({
      height: lineHeight,
      texts: line.texts.map((text) => ({ ...text, lineHeight })),
    })),
  };
}

/** The least of a block that must share a page with what comes before it. */
function minimumStart(blocks: readonly Block[], index: number): number {
  const block = blocks[index];
  if (!block) return 0;
  if (block.kind === "lines" && block.role === "signature") return tightSignatureHeight(block);
  if (block.kind === "table") {
    const rows = block.keepWhole
      ? block.table.body.heights.length
      : Math.min(MIN_LINES, block.table.body.heights.length);
    return block.spaceBefore + block.table.header.height + rowsHeight(block.table, 0, rows);
  }
  if (!block.isSplittable)
    return block.spaceBefore + linesHeight(block.lines) + (block.keepWithNext ? minimumStart(blocks, index + 1) : 0);
  const lines = block.lines.length <= 2 * MIN_LINES - 1 ? block.lines.length : MIN_LINES;
  return block.spaceBefore + linesHeight(block.lines, 0, lines);
}

class Paginator {
  readonly pages: { texts: PlacedText[]; rules: PlacedRule[]; blocks: PlacedBlock[] }[] = [];
  y = TEXT_TOP;

  constructor() {
    this.newPage();
  }

  get page() {
    return this.pages[this.pages.length - 1]!;
  }

  get remaining(): number {
    return TEXT_BOTTOM - this.y;
  }

  get isAtTop(): boolean {
    return this.page.blocks.length === 0;
  }

  newPage(): void {
    this.pages.push({ texts: [], rules: [], blocks: [] });
    this.y = TEXT_TOP;
  }

  /** Space before a block, dropped at the top of a page. */
  space(amount: number): void {
    if (!this.isAtTop) this.y += amount;
  }

  placeLines(block: LinesBlock, from: number, to: number): void {
    const top = this.y;
    for (let i = from; i < to; i += 1) {
      const line = block.lines[i]!;
      for (const text of line.texts) this.page.texts.push({ ...text, y: this.y });
      this.y += line.height;
    }
    this.page.blocks.push({ role: block.role, top, bottom: this.y });
    if (block.ruleBelow && to === block.lines.length)
      this.page.rules.push({ x1: TEXT_LEFT, y1: this.y + 2, x2: TEXT_RIGHT, y2: this.y + 2 });
  }
}

function placeParagraph(pager: Paginator, block: LinesBlock, tailNeed: number): void {
  const count = block.lines.length;
  const height = block.lines[0]?.height ?? LINE_PITCH;
  let start = 0;
  while (start < count) {
    const rest = count - start;
    const fitting = Math.floor((pager.remaining + EPSILON) / height);
    if (rest <= fitting) {
      // The rest fits; keep at least two of its lines with what must follow (the 落款).
      if (tailNeed > 0 && rest * height + tailNeed > pager.remaining + EPSILON) {
        if (rest >= 2 * MIN_LINES) {
          pager.placeLines(block, start, count - MIN_LINES);
          pager.newPage();
          start = count - MIN_LINES;
          continue;
        }
        if (start === 0 && !pager.isAtTop) {
          pager.newPage();
          continue;
        }
      }
      pager.placeLines(block, start, count);
      return;
    }
    let here = Math.min(fitting, rest - MIN_LINES);
    if (rest < 2 * MIN_LINES || here < MIN_LINES) {
      if (!pager.isAtTop) {
        pager.newPage();
        continue;
      }
      // A paragraph taller than a page with nothing before it: as many lines as fit.
      here = Math.max(1, fitting);
    }
    pager.placeLines(block, start, start + here);
    pager.newPage();
    start += here;
  }
}

/** Where each page's part of a table ends: rows [from, to) per page, at least two each. */
function placeTable(pager: Paginator, block: TableBlock): void {
  const { table } = block;
  const count = table.body.heights.length;
  const segments: { segment: TableSegment; page: number }[] = [];
  let from = 0;
  while (from < count) {
    const available = pager.remaining - table.header.height;
    let to = from;
    let used = 0;
    while (to < count && used + (table.body.heights[to] ?? 0) <= available + EPSILON) {
      used += table.body.heights[to] ?? 0;
      to += 1;
    }
    if (to < count) {
      if (block.keepWhole && from === 0 && !pager.isAtTop) to = from;
      // The continuation takes at least two rows; labels spanning the break must fit on one side.
      if (count - to < MIN_LINES) to = count - MIN_LINES;
      while (to - from > MIN_LINES && !canBreakBefore(table, to)) to -= 1;
    }
    const least = Math.min(MIN_LINES, count - from);
    if (to - from < least) {
      if (!pager.isAtTop) {
        pager.newPage();
        continue;
      }
      // A page cannot hold the header and two rows: as many rows as fit, at least one.
      to = Math.max(from + 1, to);
    }
    segments.push({ segment: { from, to, top: pager.y }, page: pager.pages.length - 1 });
    pager.y += table.header.height + rowsHeight(table, from, to);
    from = to;
    if (from < count) pager.newPage();
  }
  const drawn = drawTableSegments(
    table,
    TEXT_LEFT,
    segments.map((s) => s.segment),
  );
  drawn.forEach((part, i) => {
    const { segment, page } = segments[i]!;
    const target = pager.pages[page]!;
    target.texts.push(...part.texts);
    target.rules.push(...part.rules);
    target.blocks.push({
      role: "table",
      top: segment.top,
      bottom: part.bottom,
      table: { id: table.id, from: segment.from, to: segment.to },
    });
  });
}

function pageNumber(number: number, measure: PdfTextMeasure): PlacedText {
  const text = `— ${number} —`;
  const family = measure.familyFor("body", 0x31) ?? "";
  const width = measure.measure(family, text.replace(/ /g, "\u00A0"), PAGE_NUMBER_SIZE);
  // 单页码居右空一字，双页码居左空一字.
  const x = number % 2 === 1 ? TEXT_RIGHT - PAGE_NUMBER_SIZE - width : TEXT_LEFT + PAGE_NUMBER_SIZE;
  return {
    x,
    y: PAGE_NUMBER_TOP,
    text: text.replace(/ /g, "\u00A0"),
    family,
    size: PAGE_NUMBER_SIZE,
    lineHeight: PAGE_NUMBER_SIZE * 1.2,
    letterSpacing: 0,
    width,
  };
}

export function layoutReport(view: ReportView, measure: PdfTextMeasure): ReportLayout {
  const blocks = reportBlocks(view, measure);
  const pager = new Paginator();
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    if (block.kind === "table") {
      const need = minimumStart(blocks, index);
      if (need > pager.remaining + EPSILON && !pager.isAtTop) pager.newPage();
      else pager.space(block.spaceBefore);
      placeTable(pager, block);
    } else if (block.role === "signature") {
      const fitted = pager.isAtTop ? block : fitSignature(block, pager.remaining);
      if (fitted.spaceBefore + linesHeight(fitted.lines) > pager.remaining + EPSILON && !pager.isAtTop) pager.newPage();
      else pager.space(fitted.spaceBefore);
      pager.placeLines(fitted, 0, fitted.lines.length);
    } else if (!block.isSplittable) {
      const need = minimumStart(blocks, index);
      if (need > pager.remaining + EPSILON && !pager.isAtTop) pager.newPage();
      else pager.space(block.spaceBefore);
      pager.placeLines(block, 0, block.lines.length);
    } else {
      pager.space(block.spaceBefore);
      const tailNeed = next && next.kind === "lines" && next.role === "signature" ? minimumStart(blocks, index + 1) : 0;
      placeParagraph(pager, block, tailNeed);
    }
    pager.y += block.spaceAfter;
  });
  // A page left with nothing on it (a block's space after it ran past the foot) is dropped.
  const pages = pager.pages.filter((page) => page.blocks.length > 0);
  return {
    pages: pages.map((page, i) => ({
      number: i + 1,
      texts: page.texts,
      rules: mergeRules(page.rules),
      blocks: page.blocks,
      pageNumber: pageNumber(i + 1, measure),
    })),
  };
}
