/**
 * The text of a PDF's pages, as positioned runs, → lines of cells (see SourceLine), the
 * shape every reader feeds into read-report-lines.ts. A PDF has no paragraphs or table
 * cells, only runs of text at positions, so the structure is rebuilt from geometry:
 *
 * - **Rows** from baselines: runs whose baselines differ by less than half their font
 *   size are one row (a figure printed a little higher than its label is still its row).
 * - **Cells** from gaps: within a row, a gap wider than a font size between two runs ends
 *   a cell (the inter-column gutter); the narrower gaps inside a sentence do not.
 * - **Columns** of a table from its figures and its header: the figure cells of the rows
 *   of one table give the column bands, and a header cell that lies over no band adds one
 *   (a column blank in every row). A row then prints one cell per band, "" where it has no
 *   figure, so a blank keeps its column (prepare-lines.ts turns it into a blank token).
 * - **Row labels** wrapped over several lines, and the vertical 三、本/年度办/理结果 group
 *   label, lie in the stub left of the figures: each stub run is filed under the figure row
 *   whose vertical extent holds it, joined in reading order per stub column, so a wrapped
 *   label becomes one cell of its row instead of a line of its own.
 * - **Pages** follow one another: a table continued on the next page is more rows, its
 *   repeated header is header words again (the table reader skips them), and a page
 *   number alone on the page's first or last row is dropped.
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
const CELL_GAP = 0.5;
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

/**
 * One table (a run of figure rows with the header rows above it) → lines: per figure row
 * its stub cells (wrapped labels joined) then one cell per band.
 */
function tableLines(header: readonly Row[], body: readonly Row[], stubOnly: readonly Row[]): SourceLine[] {
  const bands = addHeaderBands(figureBands(body), header);
  const firstBand = bands[0];
  if (!firstBand) return [];
  const stubLimit = firstBand.x0 - 0.3 * (body[0]?.fontSize ?? 10);
  const stubs: Cell[][] = body.map((row) => row.cells.filter((c) => c.x1 <= stubLimit || !isFigure(c.text)));
  // A wrapped label's lines are filed under their row. Where the figures are centred
  // between the label's lines (no label on the figures' own baseline), a line belongs to the
  // row whose span (halfway to each neighbour) holds it. Where cells are top-aligned, as Word
  // and WPS print them, the first line shares the figures' baseline and the rest follow: a
  // line belongs to the nearest row at or above it. Other lines (a vertical group label's
  // fragments land in whichever row is beside them) are more cells of that row: the table
  // reader skips words that are not a row label. Lines above the first row stay lines.
  const centred = body.some((_, i) => (stubs[i] ?? []).length === 0 && stubOnly.length > 0);
  const standalone: { y: number; line: SourceLine }[] = [];
  if (centred) {
    // Each stub column's lines, in blocks of lines set at one line's spacing (one label);
    // a block belongs to the row whose figures' baseline is nearest its middle.
    const cells = [...stubs.flat(), ...stubOnly.flatMap((r) => r.cells)];
    for (const list of stubs) list.length = 0;
    const columns: Cell[][] = [];
    for (const cell of [...cells].sort((a, b) => a.x0 - b.x0)) {
      const column = columns.find((c) => Math.abs((c[0]?.x0 ?? 0) - cell.x0) < cell.fontSize);
      if (column) column.push(cell);
      else columns.push([cell]);
    }
    for (const column of columns) {
      const sorted = column.sort((a, b) => b.y - a.y);
      const blocks: Cell[][] = [];
      for (const cell of sorted) {
        const block = blocks[blocks.length - 1];
        const last = block?.[block.length - 1];
        if (block && last && last.y - cell.y <= CENTRED_LINE_GAP * cell.fontSize) block.push(cell);
        else blocks.push([cell]);
      }
      for (const block of blocks) {
        const middle = ((block[0]?.y ?? 0) + (block[block.length - 1]?.y ?? 0)) / 2;
        let nearest = 0;
        body.forEach((row, i) => {
          if (Math.abs(row.y - middle) < Math.abs((body[nearest]?.y ?? 0) - middle)) nearest = i;
        });
        const above = middle > (body[0]?.y ?? 0) + (body[0]?.fontSize ?? 10) * 1.5;
        if (above) for (const cell of block) standalone.push({ y: cell.y, line: { cells: [cell.text] } });
        else stubs[nearest]?.push(...block);
      }
    }
  }
  for (const row of centred ? [] : stubOnly) {
    let at = -1;
    body.forEach((figureRow, i) => {
      if (figureRow.y >= row.y) at = i;
    });
    const owner = stubs[at];
    if (owner) owner.push(...row.cells);
    else standalone.push({ y: row.y, line: rowLine(row) });
  }
  const lines: { y: number; line: SourceLine }[] = [];
  body.forEach((row, i) => {
    const stub = stubs[i] ?? [];
    // Stub cells by column (left edge within a font size), each column's runs top to bottom.
    const columns: Cell[][] = [];
    for (const cell of [...stub].sort((a, b) => a.x0 - b.x0)) {
      const column = columns.find((c) => Math.abs((c[0]?.x0 ?? 0) - cell.x0) < cell.fontSize);
      if (column) column.push(cell);
      else columns.push([cell]);
    }
    const labels = columns
      .sort((a, b) => (a[0]?.x0 ?? 0) - (b[0]?.x0 ?? 0))
      .map((column) =>
        column
          .sort((a, b) => b.y - a.y)
          .map((c) => c.text)
          .join(""),
      );
    const figures = bands.map((band) =>
      row.cells
        .filter((c) => c.x0 > stubLimit && isFigure(c.text) && overlaps(band, { x0: c.x0, x1: c.x1 }, c.fontSize * 0.3))
        .map((c) => c.text)
        .join(" "),
    );
    lines.push({ y: row.y, line: { cells: [...labels, ...figures] } });
  });
  return [...lines, ...standalone].sort((a, b) => b.y - a.y).map((l) => l.line);
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
  if (Math.abs(previous.fontSize - row.fontSize) > 0.3 || previous.y - row.y > 2 * row.fontSize) return false;
  if (STARTS_HEADING.test(cell.text)) return false;
  const wrapped = above.x1 >= right - 2 * row.fontSize;
  const title = row.fontSize >= 1.25 * bodySize;
  return wrapped || title;
}

/** The lines of a whole document, pages in order. */
export function pdfToLines(pages: readonly PdfPageText[]): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const page of pages) {
    const rows = dropPageNumbers(pageRows(page.runs));
    /** Rows of this page just read as plain lines, by index (the last one last). */
    const plain: number[] = [];
    const right = Math.max(0, ...rows.flatMap((r) => r.cells.map((c) => c.x1)));
    const sizes = page.runs.map((r) => r.fontSize).sort((a, b) => a - b);
    const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 0;
    /** The row the last plain line ends with (a paragraph may go on in the next row). */
    let joinable = -1;
    let i = 0;
    while (i < rows.length) {
      const row = rows[i];
      if (!row) break;
      if (!isFigureRow(row)) {
        const previous = lines[lines.length - 1];
        if (previous && plain[plain.length - 1] === joinable && continuesLine(rows[joinable], row, right, bodySize)) {
          lines[lines.length - 1] = { cells: [`${previous.cells[0] ?? ""}${row.cells[0]?.text ?? ""}`] };
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
      // the stub lines just above the first row (read as plain lines a moment ago).
      while (plain.length > 0 && plain[plain.length - 1] === i - 1) {
        const above = rows[i - 1];
        const below = rows[i];
        if (!above || !below || !above.cells.every((c) => c.x1 <= figureLeft)) break;
        if (above.y - below.y > LABEL_LINE_GAP * below.fontSize) break;
        plain.pop();
        lines.pop();
        stubOnly.unshift(above);
        i--;
      }
      const first = i;
      i = first + stubOnly.length;
      let j = i;
      let left = figureLeft;
      while (j < rows.length) {
        const next = rows[j];
        if (!next) break;
        if (isFigureRow(next)) {
          body.push(next);
          left = Math.min(left, ...figureCells(next).map((c) => c.x0));
        } else if (next.cells.every((c) => c.x1 <= left) && next.cells.every((c) => c.text.length <= 40)) {
          stubOnly.push(next);
        } else break;
        j++;
      }
      // After the last figure row, lines printed close below it continue its label, unless
      // the table ends with another table's header: then they are that table's title.
      let end = j;
      const lastFigure = rows.slice(i, j).findLastIndex(isFigureRow) + i;
      const breaker = rows[j];
      const nextIsHeader = breaker !== undefined && breaker.cells.length >= 2 && figureCells(breaker).length === 0;
      for (let k = lastFigure + 1; k < j; k++) {
        const previous = rows[k - 1];
        const row = rows[k];
        if (nextIsHeader || !previous || !row || previous.y - row.y > LABEL_LINE_GAP * row.fontSize) {
          end = k;
          break;
        }
      }
      const within = stubOnly.filter((r) => rows.indexOf(r) < end);
      // The header: the rows printed above the table's first row, back to the last plain line.
      const header: Row[] = [];
      for (let h = first - 1; h >= 0 && header.length < MAX_HEADER_ROWS; h--) {
        const above = rows[h];
        if (!above || isFigureRow(above) || above.cells.some((c) => c.text.length > 40 || SECTION_HEADING.test(c.text)))
          break;
        header.push(above);
      }
      lines.push(...tableLines(header, body, within));
      i = end;
    }
  }
  return lines;
}
