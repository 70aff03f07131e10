/**
 * How a table figure is printed in every published format (HTML, PDF, DOCX).
 * Universal: no Intl dependency beyond what every runtime ships, so the
 * browser preview and the server snapshot print the same characters.
 */
import type { CellType } from "@/lib/template";

/** What a missing figure prints as; a missing figure is never shown as 0. */
export const MISSING_VALUE_TEXT = "—";

export interface FormatCellValueOptions {
  /**
   * Fixed number of decimals for money. When the layout fixes it for the cell
   * (保留4位小数, LayoutCell.decimals) the printed figure is padded to it; when
   * absent the shortest form is used.
   */
  readonly decimals?: number;
}

/**
 * Counts as plain integers without digit grouping (official tables print
 * 3470, not 3,470); 本年增/减 keeps its sign; money in 万元 with the
 * template's precision. `null`/`undefined` prints {@link MISSING_VALUE_TEXT}.
 */
export function formatCellValue(
  value: number | null | undefined,
  type: CellType,
  options: FormatCellValueOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING_VALUE_TEXT;
  switch (type) {
    case "count":
    case "signedCount":
      // Stored values are integers; rounding only guards against float noise from imports.
      return formatPlain(Math.round(value), 0);
    case "money":
      return options.decimals === undefined ? formatShortest(value) : formatPlain(value, options.decimals);
  }
}

/** Fixed decimals, never exponent notation, "-0" printed as "0". */
function formatPlain(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** At most four decimals (the schema's limit), trailing zeros dropped. */
function formatShortest(value: number): string {
  const text = formatPlain(value, 4);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
