/**
 * A table cell as printed → a figure. Published tables carry stray spaces
 * (“ 0”, “0 ”), full-width digits, thousands separators and dashes or
 * slashes where nothing was entered. A dash is not a 0: the reader never
 * turns “nothing written” into a figure. A unit written after the figure
 * (“147230元”, “3件”) is kept, so the table reader can convert it to the
 * column's unit and say so (read-table.ts).
 */
import { normalizeWidth } from "./label-key";

export type CellValue =
  | {
      readonly kind: "number";
      readonly value: number;
      readonly raw: string;
      /** The unit printed after the figure (元, 万元, 件 …), absent when none was printed. */
      readonly unit?: string;
    }
  /** Printed, but says “nothing here” (“/”, “—”, “无”); occupies its column, holds no figure. */
  | { readonly kind: "blank"; readonly raw: string };

const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** After NFKC: slashes, ASCII and typographic dashes, 无, ×. */
const BLANK = /^(?:[/\\-]|[‐‑‒–—―−－-]+|无|×|x)$/u;
/** Units a figure may carry in a cell: money (converted to the column's) and counts (the template's own). */
const UNIT_SUFFIX = /^(.*?\d)(亿元|万元|千元|元|件|个|项|条|次|宗|起|份)$/u;

/** How many yuan each money unit is. */
export const MONEY_UNITS: Readonly<Record<string, number>> = { 元: 1, 千元: 1_000, 万元: 10_000, 亿元: 100_000_000 };

export const isMoneyUnit = (unit: string): boolean => Object.hasOwn(MONEY_UNITS, unit);

function figure(compact: string): number | undefined {
  if (PLAIN.test(compact)) return Number(compact);
  if (GROUPED.test(compact)) return Number(compact.replace(/,/g, ""));
  return undefined;
}

/** The value a printed cell holds, or undefined when it is not a value (a label, a heading). */
export function parseCellValue(text: string): CellValue | undefined {
  const raw = text.trim();
  const compact = normalizeWidth(raw);
  if (compact.length === 0 || compact.length > 20) return undefined;
  const plain = figure(compact);
  if (plain !== undefined) return { kind: "number", value: plain, raw };
  if (BLANK.test(compact)) return { kind: "blank", raw };
  const withUnit = UNIT_SUFFIX.exec(compact);
  const value = withUnit ? figure(withUnit[1] ?? "") : undefined;
  if (withUnit && value !== undefined) return { kind: "number", value, raw, unit: withUnit[2] };
  return undefined;
}
