/**
 * A table cell as printed → a figure. Published tables carry stray spaces
 * (“ 0”, “0 ”), full-width digits, thousands separators and dashes or
 * slashes where nothing was entered. A dash is not a 0: the reader never
 * turns “nothing written” into a figure.
 */
import { normalizeWidth } from "./label-key";

export type CellValue =
  | { readonly kind: "number"; readonly value: number; readonly raw: string }
  /** Printed, but says “nothing here” (“/”, “—”, “无”); occupies its column, holds no figure. */
  | { readonly kind: "blank"; readonly raw: string };

const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** After NFKC: slashes, ASCII and typographic dashes, 无, ×. */
const BLANK = /^(?:[/\\-]|[‐‑‒–—―−－-]+|无|×|x)$/u;

/** The value a printed cell holds, or undefined when it is not a value (a label, a heading). */
export function parseCellValue(text: string): CellValue | undefined {
  const raw = text.trim();
  const compact = normalizeWidth(raw);
  if (compact.length === 0 || compact.length > 20) return undefined;
  if (PLAIN.test(compact)) return { kind: "number", value: Number(compact), raw };
  if (GROUPED.test(compact)) return { kind: "number", value: Number(compact.replace(/,/g, "")), raw };
  if (BLANK.test(compact)) return { kind: "blank", raw };
  return undefined;
}
