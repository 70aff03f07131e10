/**
 * Where a summed figure comes from, in words: 董封乡人民政府 3、凤城镇人民政府 2 (each unit's
 * figure printed as the documents print it). The county summary page and the wizard's 全县
 * mode show the same text.
 */
import { formatCellValue } from "../format/format-cell-value";
import type { CellType } from "../template";
import type { CellContribution } from "./sum-reports";

export function contributionText(
  given: readonly CellContribution[],
  cell: { readonly type: CellType; readonly decimals?: number },
): string {
  if (given.length === 0) return "各单位均为 0 或未填写";
  return given
    .map((c) => `${c.unitName} ${formatCellValue(c.value, cell.type, { decimals: cell.decimals })}`)
    .join("、");
}
