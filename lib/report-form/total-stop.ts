/**
 * How a live total that cannot be computed names the cell stopping it (lib/report-data
 * liveTotal): short enough to print under the “—” in a narrow cell, so only the part of
 * the cell's name that differs from the total's own — its column for a row total
 * (待填：自然人), its row for a column total (待填：（一）予以公开), both otherwise.
 */
import type { TotalStop } from "@/lib/report-data";
import type { LayoutCell } from "@/lib/template";

export interface TotalStopNote {
  /** Printed under the “—”. */
  readonly short: string;
  /** The whole sentence, for the title and screen readers. */
  readonly full: string;
}

export function totalStopNote(total: LayoutCell, stopping: LayoutCell, reason: TotalStop["reason"]): TotalStopNote {
  const name =
    stopping.rowName === total.rowName
      ? stopping.columnName
      : stopping.columnName === total.columnName
        ? stopping.rowName
        : stopping.label;
  return reason === "blank"
    ? { short: `待填：${name}`, full: `“${stopping.label}”未填写，填好后才能计算合计` }
    : { short: `待改：${name}`, full: `“${stopping.label}”不是有效的数字，改正后才能计算合计` };
}
