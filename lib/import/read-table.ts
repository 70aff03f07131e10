/**
 * Read one table section's figures from its tokens, driven by the layout:
 * a printed row label is matched to the layout's row labels (by key, with
 * tolerance for typos and for rows out of place), and the figures that
 * follow it are that row's leaf columns in layout order. Table 四 has no row
 * labels (one row of fifteen figures under a three-level header), so its
 * figures are read in order.
 *
 * Nothing is made up: a row that is not printed stays absent, a dash stays
 * absent, and a row with too few figures fills its first columns only and
 * says so.
 */
import { compileLayout, layouts, type CompiledGrid, type CompiledLayout, type LayoutCell } from "../template";
import type { CellId, HeaderNode, Layout, TableSection } from "../template/types";
import { importMessages } from "./import-messages";
import { labelKey, matchLabel, normalizeWidth } from "./label-key";
import { MONEY_UNITS, isMoneyUnit } from "./parse-cell-value";
import type { Token } from "./prepare-lines";
import type { ReadProblem } from "./types";

export interface TableReading {
  readonly cells: ReadonlyMap<CellId, number>;
  readonly problems: readonly ReadProblem[];
  /** Rows that were printed (with or without figures). */
  readonly rowsFound: number;
  /**
   * Line where a table the template does not have starts (a fee table after table 四), when the
   * section prints one: its lines are not the section's; the caller files them elsewhere.
   */
  readonly extraFrom?: number;
}

/** The same row as another layout words it (规范性文件 in gov-2019 is 行政规范性文件 in gov-2021). */
interface RowAlias {
  readonly key: string;
  readonly layout: Layout;
}

/** A leaf row the reader looks for: its label's key, and its cells left to right. */
interface RowSlot {
  readonly row: HeaderNode;
  /** Label for messages: numbered sub-rows carry their group (（三）不予公开·1.属于国家秘密). */
  readonly name: string;
  readonly key: string;
  /** Their `columnName`s name them in messages; table 四's carry their block (行政诉讼·复议后起诉·总计). */
  readonly cells: readonly LayoutCell[];
  readonly aliases: readonly RowAlias[];
}

/** A label spread over this many cells (“社会公益” / “组织”, “三、” / “本年度办理结果”) is still one label. */
const MAX_LABEL_PARTS = 3;

/**
 * The other layouts' wording of the same leaf row (same grid and row id), where it differs: a
 * 2021 report that kept the 2019 name of a row (规范性文件) is still that row.
 */
function rowAliases(grid: CompiledGrid, row: HeaderNode, own: Layout): RowAlias[] {
  const aliases: RowAlias[] = [];
  for (const layout of Object.values(layouts)) {
    if (layout.id === own.id) continue;
    const other = compileLayout(layout).grids.find((g) => g.grid.id === grid.grid.id);
    const label = other?.row(row.id)?.label;
    const key = label === undefined ? "" : labelKey(label);
    if (key !== "" && key !== labelKey(row.label)) aliases.push({ key, layout });
  }
  return aliases;
}

/** Each leaf row of the grid with its cells, names from the compiled layout (lib/template). */
function rowSlots(grid: CompiledGrid, own: Layout): RowSlot[] {
  return grid.rows.map((row) => {
    const cells = grid.rowCells(row.id);
    const name = cells[0]?.rowName ?? row.label;
    return { row, name, key: labelKey(row.label), cells, aliases: rowAliases(grid, row, own) };
  });
}

/** A slot's grid is its cells' (a leaf row always has cells). */
const gridIdOf = (slot: RowSlot | undefined): string | undefined => slot?.cells[0]?.gridId;

const columnNames = (slot: RowSlot): string[] => slot.cells.map((cell) => cell.columnName);

function collectKeys(nodes: readonly HeaderNode[], into: Set<string>): void {
  for (const n of nodes) {
    into.add(labelKey(n.label));
    if (n.children) collectKeys(n.children, into);
  }
}

interface RowMatch {
  readonly slot: number;
  readonly parts: number;
  readonly exact: boolean;
  /** The label as printed, when it is not the layout's own wording (another layout's, or a typo). */
  readonly wording?: { readonly printed: string; readonly alias?: Layout };
}

function joinedText(tokens: readonly Token[], at: number, parts: number): string {
  return tokens
    .slice(at, at + parts)
    .map((t) => t.text.trim())
    .join("");
}

function joinedKey(tokens: readonly Token[], at: number, parts: number): string | undefined {
  let key = "";
  for (let k = 0; k < parts; k++) {
    const token = tokens[at + k];
    if (!token || token.value) return undefined;
    key += token.key;
  }
  return key;
}

/**
 * The unmatched row a label at `at` names. Exact keys win anywhere (rows
 * printed out of order are still rows); a near match is accepted only
 * forward of the last row read, so a typo cannot pull the reading backwards.
 */
function matchRow(
  tokens: readonly Token[],
  at: number,
  slots: readonly RowSlot[],
  slotsByKey: ReadonlyMap<string, readonly number[]>,
  done: readonly boolean[],
  next: number,
): RowMatch | undefined {
  for (let parts = 1; parts <= MAX_LABEL_PARTS; parts++) {
    const key = joinedKey(tokens, at, parts);
    if (key === undefined) break;
    const candidates = slotsByKey.get(key)?.filter((s) => !done[s]) ?? [];
    const slot = candidates.find((s) => s >= next) ?? candidates[0];
    if (slot !== undefined) return { slot, parts, exact: true };
  }
  // Another layout's exact wording of a row is that row, wherever it stands (规范性文件 in a 2021 table).
  for (let parts = 1; parts <= MAX_LABEL_PARTS; parts++) {
    const key = joinedKey(tokens, at, parts);
    if (key === undefined) break;
    const aliased = slots.findIndex((slot, s) => !done[s] && slot.aliases.some((a) => a.key === key));
    const alias = slots[aliased]?.aliases.find((a) => a.key === key);
    if (alias)
      return {
        slot: aliased,
        parts,
        exact: true,
        wording: { printed: joinedText(tokens, at, parts), alias: alias.layout },
      };
  }
  for (let parts = 1; parts <= MAX_LABEL_PARTS; parts++) {
    const key = joinedKey(tokens, at, parts);
    if (key === undefined) break;
    for (let s = next; s < slots.length; s++) {
      const slot = slots[s];
      if (!slot || done[s] || matchLabel(key, slot.key) !== "close") continue;
      // Only a character printed wrong (先行 for 现行) is the author's misprint. A label cut short of its
      // note (部分公开 for 部分公开（区分处理的……）) is the usual print, and one a character longer or
      // shorter is, in a PDF, a fragment of the merged group label beside it (果 of 办理结果) or a
      // label wrapped past its cell: neither is worth a 提示.
      const misprinted = key.length === slot.key.length;
      return {
        slot: s,
        parts,
        exact: false,
        ...(misprinted ? { wording: { printed: joinedText(tokens, at, parts) } } : {}),
      };
    }
  }
  return undefined;
}

function readLabelledGrids(tokens: readonly Token[], compiled: CompiledLayout, section: TableSection): TableReading {
  const grids = section.grids.filter((g) => g.stubHeader !== null);
  const slots = grids.flatMap((g) => rowSlots(compiled.grid(g.id), compiled.layout));
  const slotsByKey = new Map<string, number[]>();
  slots.forEach((slot, i) => slotsByKey.set(slot.key, [...(slotsByKey.get(slot.key) ?? []), i]));
  const done = slots.map(() => false);
  const cells = new Map<CellId, number>();
  const problems: ReadProblem[] = [];

  // Every label the table prints legitimately; anything close to a column label but not one is a misprinted header.
  const knownKeys = new Set<string>();
  const columnKeys = new Set<string>();
  for (const grid of grids) {
    if (grid.title) knownKeys.add(labelKey(grid.title));
    collectKeys(grid.rows, knownKeys);
    collectKeys(grid.columns, columnKeys);
  }
  const reportedHeaders = new Set<string>();
  const shortfalls: Shortfall[] = [];
  const moneyColumns = grids.flatMap((g) => moneyColumnsOf(compiled.grid(g.id)));
  const statedUnits: StatedUnits = new Map();

  // Rows printed as a bare label: the problem saying so, withdrawn when the same row comes
  // again with its figures (a converter's heading `### 一、本年新收…` above its own table row).
  const bare = new Map<number, ReadProblem>();
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.value) continue;
    const found = matchRow(tokens, i, slots, slotsByKey, done, next);
    // A column's name inside a header row (其他 after 法律服务机构) is not the row of that name.
    const previous = tokens[i - 1];
    const inHeaderRow =
      found !== undefined &&
      columnKeys.has(slots[found.slot]?.key ?? "") &&
      previous?.line === token.line &&
      columnKeys.has(previous.key);
    const match = inHeaderRow ? undefined : found;
    const slot = match ? slots[match.slot] : undefined;
    if (!match || !slot) {
      if (readStatedUnit(tokens, i, moneyColumns, statedUnits)) continue;
      // A PDF may set a header row's labels close enough to read as one cell (本年制发件数 本年废止件数 …).
      for (const part of token.text.split(/\s+/).filter(Boolean))
        checkHeader(
          { ...token, text: part, key: labelKey(part) },
          knownKeys,
          columnKeys,
          reportedHeaders,
          section,
          problems,
        );
      continue;
    }
    if (match.wording) {
      problems.push({
        code: "row.wording",
        severity: "warning",
        place: `${section.id}.${slot.row.id}`,
        message: match.wording.alias
          ? importMessages.rowOtherLayout(match.wording.printed, layoutName(match.wording.alias), slot.name)
          : importMessages.rowWording(match.wording.printed, slot.name),
      });
    }
    let end = i + match.parts;
    while (tokens[end]?.value) end++;
    const run = tokens.slice(i + match.parts, end);
    if (run.length === 0) {
      // A bare label: a row printed without figures, or a header word. Only a full row label counts as a row.
      if (match.exact && slot.key.length >= 4 && !columnKeys.has(slot.key) && !bare.has(match.slot)) {
        next = match.slot + 1;
        bare.set(match.slot, {
          code: "row.values",
          severity: "error",
          place: `${section.id}.${slot.row.id}`,
          message: importMessages.rowNone(slot.name),
        });
      }
      continue;
    }
    bare.delete(match.slot);
    done[match.slot] = true;
    next = match.slot + 1;
    const short = assignRow(slot, run, section, cells, problems, statedUnits);
    if (short) shortfalls.push({ slot: match.slot, values: short });
    i = end - 1;
  }
  for (const [slot, problem] of bare) {
    done[slot] = true;
    problems.push(problem);
  }
  reportShortfalls(
    [...shortfalls].sort((a, b) => a.slot - b.slot),
    slots,
    section,
    problems,
  );

  const rowsFound = done.filter(Boolean).length;
  if (rowsFound === 0) {
    problems.push({
      code: "grid.missing",
      severity: "error",
      place: section.id,
      message: importMessages.tableEmpty(section.heading),
    });
    return { cells, problems, rowsFound };
  }
  for (const grid of grids) {
    const own = slots.map((s, i) => ({ s, i })).filter(({ s }) => gridIdOf(s) === grid.id);
    if (own.every(({ i }) => !done[i]) && grid.title) {
      problems.push({
        code: "grid.missing",
        severity: "error",
        place: grid.id,
        message: importMessages.gridMissing(section.heading, grid.title),
      });
      continue;
    }
    reportMissingRows(
      own.filter(({ i }) => !done[i]).map(({ i }) => i),
      slots,
      section,
      problems,
    );
  }
  return { cells, problems, rowsFound };
}

function checkHeader(
  token: Token,
  knownKeys: ReadonlySet<string>,
  columnKeys: ReadonlySet<string>,
  reported: Set<string>,
  section: TableSection,
  problems: ReadProblem[],
): void {
  if (token.key.length < 4 || columnKeys.has(token.key) || knownKeys.has(token.key) || reported.has(token.key)) return;
  for (const expected of columnKeys) {
    // A prefix is a header split over lines (社会公益 / 组织), not a misprint.
    if (expected.startsWith(token.key) || matchLabel(token.key, expected) !== "close") continue;
    reported.add(token.key);
    problems.push({
      code: "header.wording",
      severity: "warning",
      place: section.id,
      message: importMessages.headerWording(token.text, labelOfKey(section, expected) ?? expected),
    });
    return;
  }
}

function labelOfKey(section: TableSection, key: string): string | undefined {
  const find = (nodes: readonly HeaderNode[]): string | undefined => {
    for (const n of nodes) {
      if (labelKey(n.label) === key) return n.label;
      const inner = n.children ? find(n.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  for (const grid of section.grids) {
    const label = find(grid.columns);
    if (label) return label;
  }
  return undefined;
}

const layoutName = (layout: Layout): string => `${layout.basis}格式`;

// ---------------------------------------------------------------- units

/** A money column of the section: its header's words without the unit note, and the template's unit. */
interface MoneyColumn {
  /** `gridId.columnId`, the key of StatedUnits. */
  readonly column: string;
  readonly base: string;
  readonly unit: string;
}

/** Units a money column's printed header states (采购总金额（元）), by `gridId.columnId`. */
type StatedUnits = Map<string, { readonly unit: string; readonly header: string }>;

const MONEY_UNIT = /(亿元|万元|千元|元)/u;
/** The unit note closing a header, after NFKC: (单位:万元,保留4位小数), (元). */
const UNIT_NOTE = /\(([^()]*)\)$/u;

/** A header's words and the money unit its note states, if any. */
function splitUnitNote(text: string): { readonly base: string; readonly unit?: string } {
  const compact = normalizeWidth(text);
  const note = UNIT_NOTE.exec(compact);
  const unit = note ? MONEY_UNIT.exec(note[1] ?? "")?.[1] : undefined;
  return { base: labelKey(note ? compact.slice(0, note.index) : compact), ...(unit ? { unit } : {}) };
}

/** A cell that states only a unit (（元）, 单位：元), as a header split over two lines prints it. */
function unitOnly(token: Token | undefined): string | undefined {
  if (!token || token.value) return undefined;
  const compact = normalizeWidth(token.text).replace(/^\((.*)\)$/u, "$1");
  return /^(?:单位[:：]?)?(亿元|万元|千元|元)$/u.exec(compact)?.[1];
}

function moneyColumnsOf(grid: CompiledGrid): MoneyColumn[] {
  const seen = new Map<string, MoneyColumn>();
  for (const cell of grid.cells) {
    if (cell.type !== "money" || seen.has(cell.column)) continue;
    const { base, unit } = splitUnitNote(cell.columnLabel);
    seen.set(cell.column, { column: `${cell.gridId}.${cell.column}`, base, unit: cell.unit ?? unit ?? "万元" });
  }
  return [...seen.values()];
}

const sameHeader = (printed: string, expected: string): boolean =>
  printed.length >= 4 &&
  (printed === expected ||
    expected.endsWith(printed) ||
    printed.endsWith(expected) ||
    matchLabel(printed, expected) === "close");

/**
 * When the cell at `at` is a money column's header with a stated unit, note the unit for the
 * column's figures; true when the cell was such a header (it is then no misprint to report).
 */
function readStatedUnit(
  tokens: readonly Token[],
  at: number,
  columns: readonly MoneyColumn[],
  into: StatedUnits,
): boolean {
  const token = tokens[at];
  if (!token || columns.length === 0) return false;
  const { base, unit } = splitUnitNote(token.text);
  const column = columns.find((c) => sameHeader(base, c.base));
  const stated = unit ?? unitOnly(tokens[at + 1]);
  if (!column || !stated) return false;
  into.set(column.column, {
    unit: stated,
    header: stated === unit ? token.text.trim() : `${token.text.trim()}${tokens[at + 1]?.text.trim() ?? ""}`,
  });
  return true;
}

const tidyFigure = (value: number): number => Math.round(value * 1e8) / 1e8;

/**
 * A printed figure in its cell's unit: a money figure in 元 (in the cell, 147230元, or by its
 * header, 采购总金额（元）) is converted to the template's 万元 and the conversion reported; a
 * count unit (3件) is the template's own. A figure whose unit does not fit the column is not read.
 */
function inCellUnit(
  value: { readonly value: number; readonly raw: string; readonly unit?: string },
  cell: LayoutCell,
  stated: { readonly unit: string; readonly header: string } | undefined,
  name: string,
): { readonly value?: number; readonly problem?: ReadProblem } {
  const unit = value.unit ?? (cell.type === "money" ? stated?.unit : undefined);
  if (unit === undefined) return { value: value.value };
  const target = cell.unit ?? (cell.type === "money" ? "万元" : "件");
  if (unit === target) return { value: value.value };
  const fromRate = MONEY_UNITS[unit];
  const toRate = MONEY_UNITS[target];
  if (cell.type === "money" && fromRate !== undefined && toRate !== undefined) {
    const converted = tidyFigure((value.value * fromRate) / toRate);
    const message =
      value.unit !== undefined || !stated
        ? importMessages.cellUnitConverted(name, value.raw, converted, target)
        : importMessages.headerUnitConverted(name, stated.header, value.raw, unit, converted, target);
    return { value: converted, problem: { code: "cell.unit", severity: "warning", place: cell.id, message } };
  }
  if (cell.type !== "money" && !isMoneyUnit(unit)) return { value: value.value };
  return {
    problem: {
      code: "cell.unit",
      severity: "error",
      place: cell.id,
      message: importMessages.cellUnitWrong(name, value.raw, cell.type === "money" ? `金额（${target}）` : "件数"),
    },
  };
}

/** A row that printed fewer figures than it has columns: they fill its first columns. */
interface Shortfall {
  readonly slot: number;
  readonly values: readonly string[];
}

/** Set the row's cells from its figures; returns the shortfall when too few were printed. */
function assignRow(
  slot: RowSlot,
  run: readonly Token[],
  section: TableSection,
  cells: Map<CellId, number>,
  problems: ReadProblem[],
  statedUnits: StatedUnits = new Map(),
): readonly string[] | undefined {
  const width = slot.cells.length;
  const raws = run.map((t) => t.text.trim());
  run.slice(0, width).forEach((token, c) => {
    const cell = slot.cells[c];
    if (!cell || !token.value) return;
    const id = cell.id;
    const column = cell.columnName;
    if (token.value.kind === "number") {
      const figure = inCellUnit(
        token.value,
        cell,
        statedUnits.get(`${cell.gridId}.${cell.column}`),
        `${slot.name}·${column}`,
      );
      if (figure.problem) problems.push(figure.problem);
      if (figure.value !== undefined) cells.set(id, figure.value);
    } else {
      problems.push({
        code: "cell.blank",
        severity: "warning",
        place: id,
        message: importMessages.cellBlank(`${slot.name}·${column}`, token.value.raw),
      });
    }
  });
  if (run.length > width) {
    problems.push({
      code: "row.values",
      severity: "warning",
      place: `${section.id}.${slot.row.id}`,
      message: importMessages.rowTooMany(slot.name, width, raws),
    });
  }
  return run.length < width ? raws : undefined;
}

/** Consecutive indexes as runs: [1,2,3,7] → [[1,2,3],[7]]. */
function consecutiveRuns<T>(
  items: readonly T[],
  indexOf: (item: T) => number,
  sameRun: (a: T, b: T) => boolean = () => true,
): T[][] {
  const runs: T[][] = [];
  for (const item of items) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && indexOf(item) === indexOf(last) + 1 && sameRun(last, item)) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** Rows in a run of this length or more are reported as one problem (seed 001 has 21 rows short of a figure). */
const GROUP_FROM = 3;

function reportShortfalls(
  shortfalls: readonly Shortfall[],
  slots: readonly RowSlot[],
  section: TableSection,
  problems: ReadProblem[],
): void {
  const runs = consecutiveRuns(
    shortfalls,
    (s) => s.slot,
    (a, b) => a.values.length === b.values.length && gridIdOf(slots[a.slot]) === gridIdOf(slots[b.slot]),
  );
  for (const run of runs) {
    const first = run[0];
    const last = run[run.length - 1];
    const slot = first ? slots[first.slot] : undefined;
    if (!first || !last || !slot) continue;
    const width = slot.cells.length;
    const filled = columnNames(slot).slice(0, first.values.length);
    const unread = columnNames(slot).slice(first.values.length);
    const place = `${section.id}.${slot.row.id}`;
    if (run.length >= GROUP_FROM) {
      const lastName = slots[last.slot]?.name ?? "";
      problems.push({
        code: "row.values",
        severity: "error",
        place,
        message: importMessages.rowsTooFew(slot.name, lastName, run.length, width, first.values.length, filled, unread),
      });
      continue;
    }
    for (const item of run) {
      const own = slots[item.slot];
      if (!own) continue;
      problems.push({
        code: "row.values",
        severity: "error",
        place: `${section.id}.${own.row.id}`,
        message: importMessages.rowTooFew(own.name, width, item.values, filled, unread),
      });
    }
  }
}

function reportMissingRows(
  missing: readonly number[],
  slots: readonly RowSlot[],
  section: TableSection,
  problems: ReadProblem[],
): void {
  for (const run of consecutiveRuns(missing, (i) => i)) {
    const first = run[0] === undefined ? undefined : slots[run[0]];
    const last = slots[run[run.length - 1] ?? -1];
    if (!first || !last) continue;
    if (run.length >= GROUP_FROM) {
      problems.push({
        code: "row.missing",
        severity: "error",
        place: `${section.id}.${first.row.id}`,
        message: importMessages.rowsMissing(section.heading, first.name, last.name, run.length),
      });
      continue;
    }
    for (const i of run) {
      const slot = slots[i];
      if (slot)
        problems.push({
          code: "row.missing",
          severity: "error",
          place: `${section.id}.${slot.row.id}`,
          message: importMessages.rowMissing(section.heading, slot.name),
        });
    }
  }
}

/** Grids without row labels (table 四): every figure of the section, in order. */
function readUnlabelledGrid(
  all: readonly Token[],
  section: TableSection,
  grid: CompiledGrid,
  layout: Layout,
): TableReading {
  const cells = new Map<CellId, number>();
  const problems: ReadProblem[] = [];
  const cut = extraTableStart(all, grid, section);
  const tokens = cut === undefined ? all : all.slice(0, cut);
  const extra = cut === undefined ? undefined : all[cut];
  if (extra) {
    problems.push({
      code: "table.extra",
      severity: "warning",
      place: section.id,
      message: importMessages.tableExtra(section.heading, extra.text.trim()),
    });
  }
  const run = tokens.filter((t) => t.value);
  const slots = rowSlots(grid, layout);
  if (run.length === 0) {
    problems.push({
      code: "grid.missing",
      severity: "error",
      place: section.id,
      message: importMessages.tableEmpty(section.heading),
    });
    return { cells, problems, rowsFound: 0 };
  }
  let offset = 0;
  let rowsFound = 0;
  for (const slot of slots) {
    const part = run.slice(offset, offset + slot.cells.length);
    offset += slot.cells.length;
    if (part.length === 0) {
      problems.push({
        code: "row.missing",
        severity: "error",
        place: `${section.id}.${slot.row.id}`,
        message: importMessages.rowMissing(section.heading, slot.name || section.heading),
      });
      continue;
    }
    rowsFound++;
    const named = { ...slot, name: slot.name || section.heading };
    const short = assignRow(named, part, section, cells, problems);
    if (short) reportShortfalls([{ slot: 0, values: short }], [named], section, problems);
  }
  if (run.length > offset) {
    problems.push({
      code: "row.values",
      severity: "warning",
      place: section.id,
      message: importMessages.rowTooMany(
        section.heading,
        offset,
        run.map((t) => t.text),
      ),
    });
  }
  return { cells, problems, rowsFound, ...(extra ? { extraFrom: extra.line } : {}) };
}

/**
 * Where a table the template does not have begins inside a section of unlabelled figures
 * (a 信息处理费 table after table 四): the first cell of words none of the grid's headers
 * has, after the grid's figures have begun and with figures after it. Header words split
 * over cells (未经复议直接起 / 诉) are the headers' own.
 */
function extraTableStart(tokens: readonly Token[], grid: CompiledGrid, section: TableSection): number | undefined {
  const known = new Set<string>([labelKey(section.heading)]);
  collectKeys(grid.grid.columns, known);
  const isKnown = (key: string): boolean =>
    [...known].some((k) => k.includes(key) || key.includes(k) || matchLabel(key, k) === "close");
  let figures = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.value) {
      figures = true;
      continue;
    }
    if (!figures || token.key.length < 2 || isKnown(token.key)) continue;
    // A PDF may join a narrow table's label and figure into one cell (信息处理费120).
    if (tokens.slice(i + 1).some((t) => t.value?.kind === "number" || /\d$/u.test(normalizeWidth(t.text)))) return i;
    return undefined;
  }
  return undefined;
}

export function readTable(tokens: readonly Token[], compiled: CompiledLayout, section: TableSection): TableReading {
  const readings: TableReading[] = [];
  if (section.grids.some((g) => g.stubHeader !== null)) readings.push(readLabelledGrids(tokens, compiled, section));
  for (const grid of section.grids)
    if (grid.stubHeader === null)
      readings.push(readUnlabelledGrid(tokens, section, compiled.grid(grid.id), compiled.layout));
  const cells = new Map<CellId, number>();
  for (const r of readings) for (const [id, v] of r.cells) cells.set(id, v);
  const extraFrom = readings.find((r) => r.extraFrom !== undefined)?.extraFrom;
  return {
    cells,
    problems: readings.flatMap((r) => r.problems),
    rowsFound: readings.reduce((n, r) => n + r.rowsFound, 0),
    ...(extraFrom === undefined ? {} : { extraFrom }),
  };
}
