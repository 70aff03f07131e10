/**
 * What a clerk types into a table cell → the figure stored, or a refusal
 * that says what to do. Clerks type the way Chinese office software taught
 * them: full-width digits from the IME (３５), 千分位 commas (1,234 or
 * 1，234), stray spaces, a trailing unit (35件, 1.5万元), a 。 typed for the
 * decimal point in Chinese input mode. All of that is normalized. Anything
 * else is refused with a message: a figure is never silently dropped or
 * guessed (“无” is not 0, the clerk types 0).
 *
 * Type bounds (integer, ≥ 0, ≤ 4 decimals, ≤ 10^9) and their wording come
 * from lib/template's cell types (`cellValueIssue`, `cellValueMessage`), so
 * the form refuses exactly what the save gate and the rules refuse, in the
 * same words.
 */
import { cellValueIssue, cellValueMessage, MAX_MONEY_DECIMALS, type CellType } from "@/lib/template";

export type CellInputResult =
  | { readonly ok: true; readonly value: number | null }
  | {
      readonly ok: false;
      readonly message: string;
      /** The text may still become valid as the clerk keeps typing (“1,2”, “5.”, “-”). */
      readonly isIncomplete: boolean;
    };

const WHITESPACE = /[\s\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff]+/g;
const PLAIN = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** Could still grow into a number: digits, commas, one dot, a leading sign. */
const PREFIX = /^[+-]?[\d,]*\.?\d*$/;
/** Words and marks printed where nothing happened; the clerk is asked for a 0. */
const NOTHING = /^(?:无|没有|空|[/\\]|[-‐‑‒–—―−]+|×|x|X|nil|null|n\/a|N\/A)$/u;

const unitSuffix: Record<CellType, RegExp> = {
  count: /(?:件|个|项|次|人次|人)$/u,
  signedCount: /(?:件|个|项)$/u,
  money: /(?:万元|万)$/u,
};

/** “text” quoted for a message, shortened so a pasted paragraph does not flood it. */
export function quoteEntry(text: string): string {
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  return `“${shown}”`;
}

/** Width, spaces, IME punctuation; no judgement yet. */
function normalizeText(raw: string, type: CellType): string {
  let text = raw.normalize("NFKC").replace(WHITESPACE, "");
  // NFKC leaves these alone: the minus sign, the ideographic full stop (typed for "." in
  // Chinese input mode) and the ideographic comma some IMEs give for ",".
  text = text.replace(/\u2212/g, "-").replace(/。/g, ".");
  text = text.replace(unitSuffix[type], "");
  return text;
}

/** Parses one cell entry. Blank means "not filled in" (null), never 0. */
export function parseCellInput(raw: string, type: CellType): CellInputResult {
  const text = normalizeText(raw, type);
  if (text === "") return { ok: true, value: null };
  const quoted = quoteEntry(raw.trim());

  let digits: string;
  if (PLAIN.test(text)) digits = text;
  else if (GROUPED.test(text)) digits = text.replace(/,/g, "");
  else if (type === "signedCount" && /^[+-]$/.test(text)) {
    return { ok: false, isIncomplete: true, message: `${quoted}不是完整的数字：请填写完整的数字` };
  } else if (NOTHING.test(text)) {
    return { ok: false, isIncomplete: false, message: `${quoted}不是数字：没有发生的请填 0` };
  } else if (text.includes(",") && PREFIX.test(text)) {
    // “1,2” may be on its way to “1,234”; said only when the clerk leaves the cell.
    return {
      ok: false,
      isIncomplete: true,
      message: `${quoted}的千分位逗号位置不对：请每三位一个逗号（如 1,234），或不用逗号`,
    };
  } else if (PREFIX.test(text)) {
    return { ok: false, isIncomplete: true, message: `${quoted}不是完整的数字：请填写完整的数字` };
  } else {
    return { ok: false, isIncomplete: false, message: `${quoted}不是数字：请只填写数字（如 35）` };
  }

  const value = Number(digits);
  if (!Number.isFinite(value))
    return { ok: false, isIncomplete: false, message: `${quoted}不是数字：请只填写数字（如 35）` };
  const normalized = Object.is(value, -0) ? 0 : value;
  const issue = cellValueIssue(normalized, type);
  if (issue) return { ok: false, isIncomplete: false, message: `${quoted}：${cellValueMessage(issue, type)}` };
  return { ok: true, value: normalized };
}

/** A stored figure as the cell shows it for editing: plain digits, no grouping; '' when not filled in. */
export function formatCellInput(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  // Money is stored with at most 4 decimals; toFixed + trim avoids "1e-7" style output.
  const text = Number.isInteger(value) ? String(value) : value.toFixed(MAX_MONEY_DECIMALS).replace(/\.?0+$/, "");
  return text === "-0" ? "0" : text;
}
