/**
 * The document as the readers work on it: non-empty lines of trimmed
 * cells, with the furniture of the publishing site removed (索引号, 浏览次数,
 * 打印本页 …) and Word's leftovers ([bookmark: _GoBack]) stripped.
 */
import { labelKey } from "./label-key";
import { parseCellValue, type CellValue } from "./parse-cell-value";
import type { SourceLine } from "./types";

export interface DocLine {
  /** Non-empty cells, trimmed, as printed. */
  readonly cells: readonly string[];
  /**
   * The cells the table reader takes: `cells`, and in a table row with figures the empty
   * cells among its figures ("") too, so a blank keeps its column (`0 │ │ 0 0` is not `0 0 0`).
   */
  readonly slots: readonly string[];
  /** The cells joined with a space: the line as a reader sees it. */
  readonly text: string;
}

export interface Token {
  readonly text: string;
  readonly key: string;
  /** Set when the cell is a figure or a “nothing here” mark. */
  readonly value: CellValue | undefined;
  /** Index of the DocLine the token comes from. */
  readonly line: number;
}

const WORD_ARTEFACTS = /\[bookmark:[^\]]*\]|\[\[?(?:image|图片)[^\]]*\]\]?/gi;

/**
 * Lines the publishing site adds around the article. Only short lines are
 * tested, so prose that mentions 访问量 or 发布 is never dropped.
 */
const FURNITURE = new RegExp(
  [
    // Document metadata above the article.
    "索引号",
    "主题分类",
    "发布机构",
    "成文日期",
    "文件编号",
    "有\\s*效\\s*性",
    "浏览次数",
    "点击(?:数|量|次数)[:：]",
    "访问量[:：]",
    "发布(?:日期|时间)[:：]",
    "来源[:：]",
    "字号[:：]",
    "当前位置[:：]",
    "【\\s*[大中小]\\s*】",
    // Tools and navigation.
    "【?\\s*(?:打印|关闭)(?:本页|窗口)?\\s*】",
    "扫一扫",
    "分享到[:：]?",
    "上一篇[:：]",
    "下一篇[:：]",
    "责任编辑[:：]",
    "相关链接",
    // Site footer.
    "主办单位[:：]",
    "承办单位[:：]",
    "网站标识码",
    "ICP备",
    "公网安备",
    "版权所有",
    "技术支持[:：]",
    "网站地图",
  ].join("|"),
);
const FURNITURE_MAX_LENGTH = 100;

/**
 * A row's cells with the empty cells among its figures kept: those after its first figure
 * and before its last non-empty cell. Empty cells before the first figure are dropped as
 * before: they are as often an empty stub column (the seeds' `label<TAB><TAB>0`, a merged
 * group label) as a blank first figure, and cannot be told apart; after the last figure
 * they are padding. A row without figures keeps none.
 */
function withBlanks(all: readonly string[]): readonly string[] {
  const from = all.findIndex((c) => c !== "" && parseCellValue(c) !== undefined);
  if (from < 0) return all.filter((c) => c.length > 0);
  const to = all.findLastIndex((c) => c !== "");
  return all.filter((c, i) => c !== "" || (i > from && i < to));
}

/**
 * A table row's cells (SourceLine.isTableRow): after its label cells, every cell is a column
 * of the grid, empty or not, up to the row's end, so `（二）部分公开 │ 3 │ │ │ │ │ │` is seven
 * figures with six blanks (fixtures/corpus/shanghai-bgt-2019). Only a row whose cells after
 * the label are all figures or empty; header rows and prose rows keep withBlanks.
 */
function tableRowSlots(all: readonly string[]): readonly string[] | undefined {
  const isFigure = (c: string) => c !== "" && parseCellValue(c) !== undefined;
  const afterLabel = all.findLastIndex((c) => c !== "" && !isFigure(c)) + 1;
  const rest = all.slice(afterLabel);
  if (rest.length === 0 || !rest.every((c) => c === "" || isFigure(c))) return undefined;
  if (afterLabel === 0 && !rest.some(isFigure)) return undefined;
  return [...all.slice(0, afterLabel).filter((c) => c !== ""), ...rest];
}

export function prepareLines(source: readonly SourceLine[]): DocLine[] {
  const out: DocLine[] = [];
  for (const line of source) {
    const all = line.cells.map((c) => c.replace(WORD_ARTEFACTS, "").trim());
    const cells = all.filter((c) => c.length > 0);
    if (cells.length === 0) continue;
    const text = cells.join(" ");
    if (text.length <= FURNITURE_MAX_LENGTH && FURNITURE.test(text)) continue;
    const slots = (line.isTableRow ? tableRowSlots(all) : undefined) ?? withBlanks(all);
    out.push({ cells, text, slots });
  }
  return out;
}

/** The cells of lines [from, to) as tokens, in reading order; at most `limit` of them. */
export function tokenize(lines: readonly DocLine[], from: number, to: number, limit = Infinity): Token[] {
  const tokens: Token[] = [];
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
    for (const text of lines[i]?.slots ?? []) {
      if (tokens.length >= limit) return tokens;
      const value: CellValue | undefined = text === "" ? { kind: "blank", raw: "" } : parseCellValue(text);
      tokens.push({ text, key: labelKey(text), value, line: i });
    }
  }
  return tokens;
}
