/**
 * The report title: “<机关名称><年度>年(度)政府信息公开工作年度报告”. Sites
 * print it once in the page header and again above the article, sometimes
 * with the body's name on a line of its own (seed 000: 董封乡人民政府 /
 * 2023 年政府信息公开工作年度报告). Some put the year first: “2019年上海市人民政府办公厅
 * 政府信息公开工作年度报告” (fixtures/corpus/shanghai-bgt-2019).
 */
import { normalizeWidth } from "./label-key";
import type { DocLine } from "./prepare-lines";

export interface TitleInfo {
  readonly organizationName: string;
  readonly year: number | undefined;
  /** Index of the last line that belongs to the title (the preamble starts after it). */
  readonly lastLine: number;
}

const TITLE = /(\d{4})年度?(?:政府信息公开|政务公开|政府信息与政务公开)(?:工作)?(?:年度)?报告/;
/** The year before the body's name; the name must then be a name (isNameLine), not a sentence. */
const YEAR_FIRST_TITLE = /^(\d{4})年度?(.+?)(?:政府信息公开|政务公开|政府信息与政务公开)(?:工作)?(?:年度)?报告/;
const NAME_LINE_MAX = 40;

/** The title's year, its end and the body's name printed inside it (year first), if any. */
function matchTitle(compact: string): { year: number; start: number; end: number; name: string } | undefined {
  const match = TITLE.exec(compact);
  if (match) return { year: Number(match[1]), start: match.index, end: match.index + match[0].length, name: "" };
  const first = YEAR_FIRST_TITLE.exec(compact);
  if (first?.[2] && isNameLine(first[2]))
    return { year: Number(first[1]), start: 0, end: first[0].length, name: first[2] };
  return undefined;
}

/** A line that can be a body's name on its own: short, no sentence punctuation, no figures. */
function isNameLine(text: string): boolean {
  const compact = normalizeWidth(text);
  return compact.length > 1 && compact.length <= NAME_LINE_MAX && !/[。，,；;：:！？!?\d]/.test(compact);
}

function cleanName(name: string): string {
  // A breadcrumb (首页>政务公开>…) can run into the title on CMS pages: keep its last step.
  const lastStep = name.split(/[>»]/).pop() ?? "";
  return lastStep
    .replace(/^(?:标题|名称)[:：]/, "") // the page's field label (标题：…, a saved page's header table)
    .replace(/^(?:关于|《)+/, "")
    .replace(/[《》"“”]/g, "")
    .trim();
}

/** Looks at lines [0, end): the part of the document before 一、总体情况. */
export function findTitle(lines: readonly DocLine[], end: number): TitleInfo | undefined {
  let found: { name: string; year: number; line: number } | undefined;
  let lastLine = -1;
  for (let i = 0; i < Math.min(end, lines.length); i++) {
    const line = lines[i];
    if (!line) continue;
    const compact = normalizeWidth(line.text);
    const match = matchTitle(compact);
    if (!match || compact.length > match.end + 12) continue;
    lastLine = i;
    const year = match.year;
    let name = cleanName(match.name || compact.slice(0, match.start));
    if (name === "") {
      const previous = lines[i - 1];
      if (previous && isNameLine(previous.text)) name = cleanName(normalizeWidth(previous.text));
    }
    // The first title with a name wins; later copies (the article's own title) only extend the title block.
    if (!found || (found.name === "" && name !== "")) found = { name, year, line: i };
  }
  return found ? { organizationName: found.name, year: found.year, lastLine } : undefined;
}
