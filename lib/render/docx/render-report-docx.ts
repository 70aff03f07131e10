/**
 * The report as an editable Word document (DOCX), from the one view model,
 * laid out like the PDF after GB/T 9704: A4, margins 37/35/28/26 mm, title
 * in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 at a fixed 28.8 pt pitch with a
 * two-character first-line indent, 一、 headings in 黑体 and （一） headings in
 * 楷体_GB2312 (the faces of lib/render/pdf/pdf-faces.ts, by name), page
 * numbers "— 1 —" in 4号 宋体, odd pages at the right and even pages at the
 * left, one character in; the signature carries the 成文日期 as GB/T 9704
 * places it (name two characters in from the right, date under it).
 *
 * Unlike the PDF, a DOCX names fonts instead of embedding them: Word uses
 * them when installed (they are on most government machines) and substitutes
 * otherwise. Headings use Word's Heading 1/2 styles so the navigation pane
 * and screen readers see the structure.
 *
 * Tables: Word has real merged cells, so the view's colSpan/rowSpan go in
 * as they are (the docx library adds the vMerge continuation cells), header
 * rows repeat on each page (tableHeader) and rows do not split (cantSplit).
 * Column widths are the PDF's (compute-column-widths.ts).
 *
 * Universal apart from Packer.toBuffer (Node Buffer).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { BodyCellView, GridView, ReportView, TableSectionView } from "../to-report-view";
import { computeColumnWidths } from "../pdf/compute-column-widths";
import { faceNames } from "../pdf/pdf-faces";

const TWIPS_PER_MM = 1440 / 25.4;
const TWIPS_PER_PT = 20;
const PAGE = { width: 11906, height: 16838 } as const;
const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
const TEXT_BLOCK_PT = ((210 - MARGIN_MM.left - MARGIN_MM.right) * 72) / 25.4;

const FONT = {
  title: faceNames.title.docxFont,
  body: faceNames.body.docxFont,
  heading1: faceNames.heiti.docxFont,
  heading2: faceNames.kaiti.docxFont,
  table: faceNames.body.docxFont,
} as const;
/** Half-points. */
const SIZE = { title: 44, body: 32, table: 21, pageNumber: 28 } as const;

/**
 * Six digits of 5号 in the widest digits an office suite may substitute (0.64 em, as
 * DejaVu Sans where 仿宋 is missing) and the cell's margins: a figure column never breaks a
 * figure across lines, whichever face Word, WPS or LibreOffice sets it in.
 */
const MIN_FIGURE_COLUMN_PT = 6 * 0.64 * 10.5 + 6;
/** 28.8 pt pitch: 22 lines on the 225 mm text block. */
const BODY_LINE = 576;
const TABLE_LINE = 300;

/** Characters XML 1.0 cannot carry; Word refuses a document containing them. */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, "");
}

/** Width in characters of 3号: digits and Latin are half-width. */
function emWidth(text: string): number {
  let em = 0;
  for (const char of text) em += char.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return em;
}

function fonts(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

function run(text: string, font: string, size: number, bold = false): TextRun {
  return new TextRun({ text: xmlSafe(text), font: fonts(font), size, bold, language: { eastAsia: "zh-CN" } });
}

function bodyParagraph(text: string, indent = true): Paragraph {
  return new Paragraph({
    children: [run(text, FONT.body, SIZE.body)],
    alignment: AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: 2 * 16 * TWIPS_PER_PT } : undefined,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
  });
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    children: [run(text, level === 1 ? FONT.heading1 : FONT.heading2, SIZE.body)],
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    indent: { firstLine: 2 * 16 * TWIPS_PER_PT },
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    keepNext: true,
  });
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const CELL_BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE } as const;

function cellParagraph(
  text: string,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
  bold: boolean,
): Paragraph {
  return new Paragraph({
    children: [run(text, FONT.table, SIZE.table, bold)],
    alignment,
    spacing: { line: TABLE_LINE, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
  });
}

function spanWidth(widths: readonly number[], from: number, span: number): number {
  let total = 0;
  for (let i = from; i < from + span; i += 1) total += widths[i] ?? 0;
  return Math.round(total * TWIPS_PER_PT);
}

function toTableCell(cell: BodyCellView, widths: readonly number[], isHeaderRow: boolean): TableCell {
  const colSpan = cell.kind === "header" ? cell.colSpan : 1;
  const rowSpan = cell.kind === "header" ? cell.rowSpan : 1;
  const alignment =
    cell.kind === "header" && cell.scope === "row" && !isHeaderRow ? AlignmentType.LEFT : AlignmentType.CENTER;
  return new TableCell({
    children: [cellParagraph(cell.text, alignment, isHeaderRow)],
    columnSpan: colSpan > 1 ? colSpan : undefined,
    rowSpan: rowSpan > 1 ? rowSpan : undefined,
    width: { size: spanWidth(widths, cell.column, colSpan), type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: CELL_BORDERS,
    margins: { top: 30, bottom: 30, left: 50, right: 50 },
  });
}

function gridTable(grid: GridView, widths: readonly number[]): Table {
  const rows: TableRow[] = [];
  if (grid.title !== null) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [
          new TableCell({
            children: [cellParagraph(grid.title, AlignmentType.CENTER, true)],
            columnSpan: grid.columnCount,
            borders: CELL_BORDERS,
            width: { size: spanWidth(widths, 0, grid.columnCount), type: WidthType.DXA },
          }),
        ],
      }),
    );
  }
  for (const row of grid.headerRows) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: row.map((cell) => toTableCell(cell, widths, true)),
      }),
    );
  }
  for (const row of grid.bodyRows) {
    rows.push(new TableRow({ cantSplit: true, children: row.cells.map((cell) => toTableCell(cell, widths, false)) }));
  }
  return new Table({
    rows,
    width: { size: spanWidth(widths, 0, widths.length), type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round(w * TWIPS_PER_PT)),
    layout: TableLayoutType.FIXED,
  });
}

function tableSection(section: TableSectionView): (Paragraph | Table)[] {
  const widths = computeColumnWidths(section, {
    width: TEXT_BLOCK_PT,
    fontSize: 10.5,
    cellPadding: 6,
    minValueWidth: MIN_FIGURE_COLUMN_PT,
  });
  const out: (Paragraph | Table)[] = [heading(section.heading, 1)];
  for (const grid of section.grids) out.push(gridTable(grid, widths.get(grid.id) ?? []));
  // Word needs a paragraph between consecutive tables or it merges them.
  out.push(new Paragraph({ children: [] }));
  return out;
}

function documentBody(view: ReportView): (Paragraph | Table)[] {
  const titleLines = view.title.length > 20 ? view.titleLines : [view.title];
  const out: (Paragraph | Table)[] = titleLines.map(
    (line, i) =>
      new Paragraph({
        children: [run(line, FONT.title, SIZE.title)],
        heading: i === 0 ? HeadingLevel.TITLE : undefined,
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: LineRuleType.EXACT, after: i === titleLines.length - 1 ? BODY_LINE : 0 },
      }),
  );
  if (view.correction) {
    const label = view.correction.version === null ? "更正说明" : `更正说明（第${view.correction.version}版）`;
    out.push(new Paragraph({ children: [run(label, FONT.heading1, SIZE.body)] }));
    for (const paragraph of view.correction.paragraphs) out.push(bodyParagraph(paragraph, false));
  }
  for (const paragraph of view.preamble.paragraphs) out.push(bodyParagraph(paragraph));
  for (const section of view.sections) {
    if (section.kind === "table") {
      out.push(...tableSection(section));
      continue;
    }
    out.push(heading(section.heading, 1));
    for (const paragraph of section.paragraphs) out.push(bodyParagraph(paragraph));
    for (const part of section.parts) {
      out.push(heading(part.heading, 2));
      for (const paragraph of part.paragraphs) out.push(bodyParagraph(paragraph));
    }
  }
  if (view.documentDateText !== null) {
    // 落款 without a seal: one blank line, the name two characters in from the right, the
    // 成文日期 under it starting two characters to the right of the name (GB/T 9704 7.3.5.2).
    const nameEm = emWidth(view.organizationName);
    const dateEm = emWidth(view.documentDateText);
    let nameRight = 2;
    let dateRight = nameRight + nameEm - 2 - dateEm;
    if (dateRight < 2) {
      dateRight = 2;
      nameRight = dateRight + dateEm + 2 - nameEm;
    }
    out.push(new Paragraph({ children: [], spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT } }));
    for (const [line, rightCharacters] of [
      [view.organizationName, nameRight],
      [view.documentDateText, dateRight],
    ] as const) {
      out.push(
        new Paragraph({
          children: [run(line, FONT.body, SIZE.body)],
          alignment: AlignmentType.RIGHT,
          indent: { right: rightCharacters * 16 * TWIPS_PER_PT },
          spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
        }),
      );
    }
  }
  return out;
}

/** "— 1 —" in 4号 宋体, one character in from the outer edge (odd pages right, even pages left). */
function pageNumberFooter(alignment: typeof AlignmentType.RIGHT | typeof AlignmentType.LEFT): Footer {
  const oneCharacter = 14 * TWIPS_PER_PT;
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: oneCharacter } : { left: oneCharacter },
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: fonts("宋体"), size: SIZE.pageNumber }),
        ],
      }),
    ],
  });
}

/** Build the DOCX document object (exposed for tests that inspect it). */
export function toReportDocx(view: ReportView): Document {
  return new Document({
    evenAndOddHeaderAndFooters: true,
    title: xmlSafe(view.title),
    creator: xmlSafe(view.organizationName),
    description: "政府信息公开工作年度报告",
    styles: {
      default: { document: { run: { font: fonts(FONT.body), size: SIZE.body } } },
      paragraphStyles: [
        {
          id: "Heading1",
          name: "Heading 1",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: fonts(FONT.heading1), size: SIZE.body, bold: false, color: "000000" },
        },
        {
          id: "Heading2",
          name: "Heading 2",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: fonts(FONT.heading2), size: SIZE.body, bold: false, color: "000000" },
        },
        {
          id: "Title",
          name: "Title",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: fonts(FONT.title), size: SIZE.title, bold: false, color: "000000" },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: Math.round(MARGIN_MM.top * TWIPS_PER_MM),
              bottom: Math.round(MARGIN_MM.bottom * TWIPS_PER_MM),
              left: Math.round(MARGIN_MM.left * TWIPS_PER_MM),
              right: Math.round(MARGIN_MM.right * TWIPS_PER_MM),
              // The page number sits 7 mm below the text block.
              footer: Math.round((MARGIN_MM.bottom - 7 - 5) * TWIPS_PER_MM),
            },
          },
        },
        footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
        children: documentBody(view),
      },
    ],
  });
}

export function renderReportDocx(view: ReportView): Promise<Buffer> {
  return Packer.toBuffer(toReportDocx(view));
}
