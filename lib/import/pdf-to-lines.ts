/**
 * The text of a PDF's pages, as positioned runs, → lines of cells (see SourceLine), the
 * shape every reader feeds into read-report-lines.ts. A PDF has no paragraphs or table
 * cells, only runs of text at positions, so the structure is rebuilt from geometry:
 *
 * - **Rows** from baselines: runs whose baselines differ by less than half their font
 *   size are one row (a figure printed a little higher than its label is still its row).
 * - **Cells** from gaps: within a row, a gap wider than 0.35 of a font size between two runs
 *   ends a cell, and two figures side by side are always two cells, so the figures of
 *   adjacent columns are never merged and a blank cell keeps its column.
 * - **Columns** of a table from its figures and its header: the figure cells of the rows
 *   of one table give the column bands, and a header cell that lies over no band adds one
 *   (a column blank in every row). A row then prints one cell per band, "" where it has no
 *   figure, and is marked a grid row (SourceLine.isTableRow), so a blank keeps its column.
 * - **The stub** (the labels left of the figures) is read per column (left edges aligned, or
 *   the middles of adjacent lines for centred text) in blocks: a line continues the label
 *   above when it is set one line below it and does not start with a row's numbering (1.
 *   （一） 一、), so a **wrapped label** is joined back into one cell. A block beside a block
 *   of a column to its right (the vertical 三、本年度办理结果, （三）不予公开 over its rows) is a
 *   **group label**, printed before the row label nearest its first line, as an HTML table
 *   prints a spanning cell; the others are row labels. Each figure row goes with the row
 *   label whose lines span its baseline (Word and LibreOffice set it on the first line,
 *   centred tables between the lines), and a **row label without figures is a blank row**
 *   of the grid, still a line of its own, so the rows after it keep their places.
 * - **Pages** follow one another: a table that runs to the foot of a page goes on at the
 *   top of the next, its repeated header cells dropped and its columns carried over (a
 *   page whose rows leave a column blank still has it), blank rows included; a page number
 *   alone on the page's first or last row is dropped; a paragraph wrapped at the right
 *   margin, or a title in a larger font, is joined back into one line.
 *
 * Universal and pure (numbers in, lines out), so it is tested without a PDF.
 */
import { parseCellValue } from "./parse-cell-value";
import type { SourceLine } from "./types";

/** One run of text as pdf.js reports it: its baseline origin, advance width and font size, in points. */
export interface PdfTextRun {
  readonly text: string;
  readonly x: number;
  /** Baseline, measured upwards from the page's bottom (PDF user space). */
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
}

export interface PdfPageText {
  readonly runs: readonly PdfTextRun[];
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
  y: number;
  fontSize: number;
}

interface Row {
  readonly y: number;
  readonly fontSize: number;
  readonly cells: Cell[];
}

/** A gap wider than this many font sizes between two runs of a row separates two cells. */
const CELL_GAP = 0.35;
/** Baselines closer than this many font sizes are one row. */
const ROW_TOLERANCE = 0.5;

/** Header rows looked at above a table: table 四's three levels, each wrapped over up to four lines. */
const MAX_HEADER_ROWS = 12;
/** In a table with centred labels, lines of one label are this many font sizes apart at most; rows are further. */
const CENTRED_LINE_GAP = 1.5;
/** Lines of one wrapped label are at most this many font sizes apart (baseline to baseline). */
const LABEL_LINE_GAP = 2.2;
const SECTION_HEADING = /^[一二三四五六七八九十]+[、.．]/;

const isFigure = (text: string): boolean => parseCellValue(text) !== undefined;

/** Runs → rows (top to bottom), each row's runs → cells (left to right). */
function pageRows(runs: readonly PdfTextRun[]): Row[] {
  const visible = runs.filter((r) => r.text.trim() !== "" && r.fontSize > 0);
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextRun[][] = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    const first = group?.[0];
    if (group && first && Math.abs(first.y - run.y) < ROW_TOLERANCE * Math.max(first.fontSize, run.fontSize)) {
      group.push(run);
    } else groups.push([run]);
  }
  return groups.map((group) => {
    const byX = [...group].sort((a, b) => a.x - b.x);
    const cells: Cell[] = [];
    for (const run of byX) {
      const last = cells[cells.length - 1];
      const gap = last ? run.x - last.x1 : Infinity;
      const text = run.text.replace(/\s+/g, " ");
      // Two figures side by side are two cells however narrow the gutter (table 四 is 15 columns wide).
      const apart = last !== undefined && isFigure(last.text) && isFigure(text.trim());
      if (last && gap < CELL_GAP * Math.max(last.fontSize, run.fontSize) && !apart) {
        last.text +=
          gap > 0.15 * run.fontSize && /[A-Za-z0-9]$/.test(last.text) && /^[A-Za-z0-9]/.test(text) ? ` ${text}` : text;
        last.x1 = Math.max(last.x1, run.x + run.width);
      } else {
        cells.push({ text, x0: run.x, x1: run.x + run.width, y: run.y, fontSize: run.fontSize });
      }
    }
    for (const cell of cells) cell.text = cell.text.trim();
    const fontSize = Math.max(...group.map((r) => r.fontSize));
    return { y: group[0]?.y ?? 0, fontSize, cells: cells.filter((c) => c.text !== "") };
  });
}

const PAGE_NUMBER = /^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?$/;

/** The page's own number, alone on its first or last row: page furniture, not a figure. */
function dropPageNumbers(rows: Row[]): Row[] {
  const isNumber = (row: Row | undefined): boolean =>
    row !== undefined && row.cells.length === 1 && PAGE_NUMBER.test(row.cells[0]?.text ?? "");
  let from = 0;
  let to = rows.length;
  if (isNumber(rows[to - 1])) to--;
  if (isNumber(rows[from])) from++;
  return rows.slice(from, to);
}

const figureCells = (row: Row): Cell[] => row.cells.filter((c) => isFigure(c.text));
/** A table row: at least one figure beside another cell, or several figures (table 四 prints no label). */
const isFigureRow = (row: Row): boolean => row.cells.length >= 2 && figureCells(row).length >= 1;

interface Band {
  x0: number;
  x1: number;
}

const overlaps = (a: Band, b: Band, slack = 0): boolean => a.x0 - slack < b.x1 && b.x0 - slack < a.x1;

/** Column bands of a table from its figure cells: overlapping extents merge. */
function figureBands(rows: readonly Row[]): Band[] {
  const bands: Band[] = [];
  const cells = rows.flatMap(figureCells).sort((a, b) => a.x0 - b.x0);
  for (const cell of cells) {
    const slack = cell.fontSize * 0.3;
    const band = bands.find((b) => overlaps(b, { x0: cell.x0, x1: cell.x1 }, slack));
    if (band) {
      band.x0 = Math.min(band.x0, cell.x0);
      band.x1 = Math.max(band.x1, cell.x1);
    } else bands.push({ x0: cell.x0, x1: cell.x1 });
  }
  return bands.sort((a, b) => a.x0 - b.x0);
}

/**
 * A header cell over no figure column names a column left blank in every row: it becomes
 * a band. Header cells over several bands (申请人情况 over its seven) are group headings.
 */
function addHeaderBands(bands: Band[], header: readonly Row[]): Band[] {
  const first = bands[0];
  if (!first) return bands;
  const out = [...bands];
  for (const row of header) {
    for (const cell of row.cells) {
      const extent = { x0: cell.x0, x1: cell.x1 };
      const center = (cell.x0 + cell.x1) / 2;
      if (center < first.x0 - cell.fontSize) continue; // the stub's own header
      if (out.some((b) => overlaps(b, extent))) continue;
      out.push(extent);
    }
  }
  return out.sort((a, b) => a.x0 - b.x0);
}

/** A row label's own numbering: 一、 (一) 1. — a new row, never the continuation of the label above. */
const ROW_NUMBER = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．])/;

/** A block of stub lines: one row label (wrapped over its lines) or one group label spanning rows. */
interface StubBlock {
  readonly cells: Cell[];
  /** Index of the stub column (left to right). */
  readonly column: number;
  top: number;
  bottom: number;
}

/**
 * Stub cells → columns, left to right: a cell is in a column when its left edge (text set
 * left) is within a font size of a cell's there, or its middle is and it is the line next to
 * that cell (text centred, as a CMS page's `<p align="center">` prints a wrapped label's
 * shorter second line).
 */
function stubColumns(cells: readonly Cell[]): Cell[][] {
  const columns: Cell[][] = [];
  const centre = (c: Cell): number => (c.x0 + c.x1) / 2;
  for (const cell of [...cells].sort((a, b) => a.x0 - b.x0)) {
    const column = columns.find((c) =>
      c.some(
        (other) =>
          Math.abs(other.x0 - cell.x0) < cell.fontSize ||
          (Math.abs(centre(other) - centre(cell)) < cell.fontSize &&
            Math.abs(other.y - cell.y) <= CENTRED_LINE_GAP * cell.fontSize),
      ),
    );
    if (column) column.push(cell);
    else columns.push([cell]);
  }
  return columns;
}

/**
 * A stub column's lines → blocks. A line continues the block above when it is set one line
 * below it (a wrapped label) and does not start with a row's numbering; in a table set so
 * tight that rows are a line apart, a line on a figure row's baseline starts a new block
 * once the block above has one.
 */
function stubBlocks(column: readonly Cell[], index: number, figureYs: readonly number[]): StubBlock[] {
  const onFigureRow = (cell: Cell): boolean => figureYs.some((y) => Math.abs(y - cell.y) < 0.25 * cell.fontSize);
  const blocks: StubBlock[] = [];
  for (const cell of [...column].sort((a, b) => b.y - a.y || a.x0 - b.x0)) {
    const block = blocks[blocks.length - 1];
    const last = block?.cells[block.cells.length - 1];
    const continues =
      block !== undefined &&
      last !== undefined &&
      last.y - cell.y <= CENTRED_LINE_GAP * cell.fontSize &&
      !ROW_NUMBER.test(cell.text) &&
      !(onFigureRow(cell) && block.cells.some(onFigureRow));
    if (block && continues) {
      block.cells.push(cell);
      block.bottom = cell.y;
    } else blocks.push({ cells: [cell], column: index, top: cell.y, bottom: cell.y });
  }
  return blocks;
}

const blockText = (block: StubBlock): string =>
  block.cells
    .sort((a, b) => b.y - a.y || a.x0 - b.x0)
    .map((c) => c.text)
    .join("");

/**
 * One table (a run of figure rows, the stub lines between them and the header rows above
 * it) → lines, one per row of the grid: its group labels, its row label (wrapped lines
 * joined), then one cell per band, "" where the row has no figure there. A row label with
 * no figures beside it is a blank row of the grid and still a line, so the rows after it
 * keep their places.
 */
function tableLines(
  header: readonly Row[],
  body: readonly Row[],
  stubOnly: readonly Row[],
  carried: readonly Band[],
): { lines: SourceLine[]; bands: Band[]; stubLeft: number } {
  const bands = addHeaderBands(mergeBands(figureBands(body), carried), header);
  const firstBand = bands[0];
  if (!firstBand) return { lines: [], bands, stubLeft: 0 };
  const fontSize = body[0]?.fontSize ?? 10;
  const stubLimit = firstBand.x0 - 0.3 * fontSize;
  const stubCells = [
    ...body.flatMap((row) => row.cells.filter((c) => c.x1 <= stubLimit || !isFigure(c.text))),
    ...stubOnly.flatMap((row) => row.cells),
  ];
  const figureYs = body.map((row) => row.y);
  const blocks = stubColumns(stubCells).flatMap((column, index) => stubBlocks(column, index, figureYs));
  // A block beside a block of a column to its right (三、本年度办理结果 beside （一）予以公开,
  // （三）不予公开 beside 1.属于国家秘密) is a group label spanning rows; the others are row labels.
  const beside = (block: StubBlock, other: StubBlock): boolean =>
    other.column > block.column &&
    other.top >= block.bottom - 0.5 * fontSize &&
    other.bottom <= block.top + 0.5 * fontSize;
  const rowBlocks = blocks.filter((b) => !blocks.some((other) => beside(b, other))).sort((a, b) => b.top - a.top);
  const groups = blocks.filter((b) => !rowBlocks.includes(b));
  // Each figure row goes with the row label whose lines span its baseline (top-aligned: the
  // first line's; centred: between the lines), or the nearest within two lines.
  const figuresOf = new Map<StubBlock, Row>();
  const unlabelled: Row[] = [];
  const middle = (b: StubBlock): number => (b.top + b.bottom) / 2;
  for (const row of body) {
    const spanning = rowBlocks.filter(
      (b) => !figuresOf.has(b) && row.y <= b.top + 0.5 * fontSize && row.y >= b.bottom - 0.5 * fontSize,
    );
    const candidates = spanning.length > 0 ? spanning : rowBlocks.filter((b) => !figuresOf.has(b));
    const nearest = candidates.sort((a, b) => Math.abs(middle(a) - row.y) - Math.abs(middle(b) - row.y))[0];
    if (
      nearest &&
      Math.abs(middle(nearest) - row.y) <= Math.max(2 * fontSize, (nearest.top - nearest.bottom) / 2 + fontSize)
    )
      figuresOf.set(nearest, row);
    else unlabelled.push(row);
  }
  // A group label goes before the row label nearest its first line, as an HTML table prints a
  // spanning cell in its first row; the table reader skips words that are not a row label.
  const groupsOf = new Map<StubBlock, StubBlock[]>();
  for (const group of groups) {
    const right = rowBlocks.filter((b) => b.column > group.column);
    const nearest = right.sort((a, b) => Math.abs(a.top - group.top) - Math.abs(b.top - group.top))[0];
    if (nearest) groupsOf.set(nearest, [...(groupsOf.get(nearest) ?? []), group]);
  }
  const figuresIn = (row: Row | undefined): string[] =>
    bands.map((band) =>
      (row?.cells ?? [])
        .filter((c) => c.x0 > stubLimit && isFigure(c.text) && overlaps(band, { x0: c.x0, x1: c.x1 }, c.fontSize * 0.3))
        .map((c) => c.text)
        .join(" "),
    );
  const lines: { y: number; line: SourceLine }[] = [
    ...rowBlocks.map((block) => ({
      y: figuresOf.get(block)?.y ?? block.top,
      line: {
        isTableRow: true,
        cells: [
          ...(groupsOf.get(block) ?? []).sort((a, b) => a.column - b.column).map(blockText),
          blockText(block),
          ...figuresIn(figuresOf.get(block)),
        ],
      },
    })),
    ...unlabelled.map((row) => ({ y: row.y, line: { isTableRow: true, cells: figuresIn(row) } })),
  ];
  const stubLeft = Math.min(firstBand.x0, ...stubCells.map((c) => c.x0));
  return { lines: lines.sort((a, b) => b.y - a.y).map((l) => l.line), bands, stubLeft };
}

/** The bands of a table's part on an earlier page, where this page prints no figure in them. */
function mergeBands(bands: Band[], carried: readonly Band[]): Band[] {
  const out = [...bands];
  for (const band of carried) if (!out.some((b) => overlaps(b, band))) out.push({ ...band });
  return out.sort((a, b) => a.x0 - b.x0);
}

const rowLine = (row: Row): SourceLine => ({ cells: row.cells.map((c) => c.text) });

const STARTS_HEADING = /^(?:[（(]?[一二三四五六七八九十]+[）)、.．]|\d+[、.．)）]|第[一二三四五六七八九十\d]+[条章项])/;

/**
 * A paragraph wrapped by the PDF: the next row goes on with the same sentence when both are
 * one cell in the same font, set one line apart, and the first reaches the right margin (a
 * wrapped line) or both are in a title's larger font. A row that starts a numbered heading
 * never continues.
 */
function continuesLine(previous: Row | undefined, row: Row, right: number, bodySize: number): boolean {
  const above = previous?.cells[0];
  const cell = row.cells[0];
  if (!previous || !above || !cell || previous.cells.length !== 1 || row.cells.length !== 1) return false;
  // Same font within a tenth (a title's digits may be set a size larger than its words).
  if (Math.abs(previous.fontSize - row.fontSize) > 0.1 * row.fontSize || previous.y - row.y > 2 * row.fontSize)
    return false;
  if (STARTS_HEADING.test(cell.text)) return false;
  const wrapped = above.x1 >= right - 2 * row.fontSize;
  const title = row.fontSize >= 1.25 * bodySize;
  return wrapped || title;
}

/** The lines of a whole document, pages in order. */
export function pdfToLines(pages: readonly PdfPageText[]): SourceLine[] {
  const lines: SourceLine[] = [];
  /** A table that ran to the foot of the previous page: it may go on at the top of this one. */
  let carry: { bands: Band[]; header: Set<string>; stubLeft: number } | undefined;
  for (const page of pages) {
    const pageRowsRead = dropPageNumbers(pageRows(page.runs));
    // A table continued from the previous page prints its header again: header words already
    // read, so they are dropped, and the rows go on under the same columns.
    let repeated = 0;
    while (carry && repeated < pageRowsRead.length) {
      const row = pageRowsRead[repeated];
      if (!row || isFigureRow(row) || !row.cells.every((c) => carry?.header.has(c.text))) break;
      repeated++;
    }
    const rows = pageRowsRead.slice(repeated);
    const continued = carry;
    carry = undefined;
    /** Rows of this page just read as plain lines, by index (the last one last). */
    const plain: number[] = [];
    /** Rows joined onto the line above (a paragraph's later lines): never taken back as a label. */
    const joined = new Set<number>();
    const right = Math.max(0, ...rows.flatMap((r) => r.cells.map((c) => c.x1)));
    const sizes = page.runs.map((r) => r.fontSize).sort((a, b) => a - b);
    const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 0;
    /** The row the last plain line ends with (a paragraph may go on in the next row). */
    let joinable = -1;
    let i = 0;
    // A table continued at the top of this page with rows left blank (labels and no figures
    // up to the page's first text of another kind): blank rows under the carried columns.
    if (continued) {
      const limit = (continued.bands[0]?.x0 ?? 0) - 0.3 * (rows[0]?.fontSize ?? 10);
      const isStubRow = (row: Row | undefined, previous: Row | undefined): boolean =>
        row !== undefined &&
        !isFigureRow(row) &&
        row.cells.every((c) => c.x1 <= limit && c.text.length <= 40 && c.x0 >= continued.stubLeft - 0.5 * c.fontSize) &&
        (previous === undefined || previous.y - row.y <= 3 * row.fontSize);
      let k = 0;
      while (isStubRow(rows[k], rows[k - 1])) k++;
      const next = rows[k];
      if (k > 0 && (next === undefined || !isFigureRow(next))) {
        const table = tableLines([], [], rows.slice(0, k), continued.bands);
        lines.push(...table.lines);
        i = k;
        if (k >= rows.length) carry = { ...continued, stubLeft: Math.min(continued.stubLeft, table.stubLeft) };
      }
    }
    while (i < rows.length) {
      const row = rows[i];
      if (!row) break;
      if (!isFigureRow(row)) {
        const previous = lines[lines.length - 1];
        if (previous && plain[plain.length - 1] === joinable && continuesLine(rows[joinable], row, right, bodySize)) {
          lines[lines.length - 1] = { cells: [`${previous.cells[0] ?? ""}${row.cells[0]?.text ?? ""}`] };
          // The joined line now ends with this row, so a third line of the paragraph joins too.
          plain[plain.length - 1] = i;
          joined.add(i);
        } else {
          lines.push(rowLine(row));
          plain.push(i);
        }
        joinable = i;
        i++;
        continue;
      }
      joinable = -1;
      // A table: figure rows, and between them the stub-only rows (wrapped labels, the
      // vertical group label) that lie left of the figures. A row reaching into the
      // figure columns without figures (a sub-table's header, a paragraph) ends it.
      const figureLeft = Math.min(...figureCells(row).map((c) => c.x0));
      const body: Row[] = [];
      const stubOnly: Row[] = [];
      // The first lines of a label centred on its figures are printed above them: take back
      // the stub lines just above the first row (read as plain lines a moment ago). At the top
      // of a page that continues a table, every stub line above its first figures is its rows.
      const atPageTop = continued !== undefined && plain.length === i && plain.every((p, k) => p === k);
      while (plain.length > 0 && plain[plain.length - 1] === i - 1) {
        const above = rows[i - 1];
        const below = rows[i];
        if (!above || !below || joined.has(i - 1) || !above.cells.every((c) => c.x1 <= figureLeft)) break;
        if (above.y - below.y > LABEL_LINE_GAP * below.fontSize && !atPageTop) break;
        plain.pop();
        lines.pop();
        stubOnly.unshift(above);
        i--;
      }
      const first = i;
      i = first + stubOnly.length;
      let j = i;
      let left = figureLeft;
      // Within a table, a row of figures alone (a label's figures centred between its lines) is a row too.
      const isTableRow = (next: Row): boolean =>
        isFigureRow(next) ||
        (next.cells.length > 0 && next.cells.every((c) => isFigure(c.text) && c.x0 >= left - c.fontSize));
      while (j < rows.length) {
        const next = rows[j];
        if (!next) break;
        if (isTableRow(next)) {
          body.push(next);
          left = Math.min(left, ...figureCells(next).map((c) => c.x0));
        } else if (next.cells.every((c) => c.x1 <= left) && next.cells.every((c) => c.text.length <= 40)) {
          stubOnly.push(next);
        } else break;
        j++;
      }
      // After the last figure row, lines printed close below it continue its label, and
      // numbered labels one row's height apart are blank rows; where another table's header
      // follows, the last of them is that table's title.
      let end = j;
      const lastFigure = rows.slice(i, j).findLastIndex(isTableRow) + i;
      const breaker = rows[j];
      const nextIsHeader = breaker !== undefined && breaker.cells.length >= 2 && figureCells(breaker).length === 0;
      const pitches = body
        .slice(1)
        .map((row, k) => (body[k]?.y ?? 0) - row.y)
        .filter((gap) => gap > LABEL_LINE_GAP * row.fontSize);
      // One row's height, measured between rows with figures; a one-row table has none, and
      // then a numbered line below it is a heading, not a blank row.
      const rowPitch = pitches.length > 0 ? Math.min(...pitches) : 0;
      for (let k = lastFigure + 1; k < j; k++) {
        const previous = rows[k - 1];
        const next = rows[k];
        const gap = previous && next ? previous.y - next.y : Infinity;
        const wrapped = next !== undefined && gap <= LABEL_LINE_GAP * next.fontSize;
        const blankRow = next !== undefined && ROW_NUMBER.test(next.cells[0]?.text ?? "") && gap <= 1.15 * rowPitch;
        if (!(wrapped || blankRow)) {
          end = k;
          break;
        }
      }
      // Another table's header right below: the line above it is that table's title.
      if (nextIsHeader && end === j && end > lastFigure + 1) end--;
      const within = stubOnly.filter((r) => rows.indexOf(r) < end);
      // The header: the rows printed above the table's first row, back to the last plain line.
      const header: Row[] = [];
      for (let h = first - 1; h >= 0 && header.length < MAX_HEADER_ROWS; h--) {
        const above = rows[h];
        if (!above || isFigureRow(above) || above.cells.some((c) => c.text.length > 40 || SECTION_HEADING.test(c.text)))
          break;
        header.push(above);
      }
      const table = tableLines(header, body, within, first === 0 && continued ? continued.bands : []);
      lines.push(...table.lines);
      i = end;
      if (end >= rows.length) {
        const words = header.flatMap((r) => r.cells.map((c) => c.text));
        carry = {
          bands: table.bands,
          header: new Set([...words, ...(first === 0 ? (continued?.header ?? []) : [])]),
          stubLeft: table.stubLeft,
        };
      }
    }
  }
  return lines;
}
