/**
 * Totals the form computes instead of asking for: every cell a layout sum rule targets
 * (（七）总计, the 总计 column, table 四's block totals). Which cells those are, and the
 * cells each sums, the compiled layout decides (lib/template compileLayout); here is only
 * the arithmetic, the same in the browser (live totals) and on the server (each save).
 *
 * A total is the sum of the cells the clerk types, not of other totals (（七）总计·总计 is
 * 21 rows × 6 columns of inputs), so the form subscribes each total to exactly its inputs.
 *
 * While a table is partly filled, a stored total is the sum of the parts filled so far;
 * it is empty only when none of its parts is. Missing parts are reported by the
 * completeness rule, not hidden by 0. The form shows `liveTotal` instead, which has no
 * value until every part holds a valid figure.
 */
import { compileLayout, MAX_MONEY_DECIMALS, type CellType, type Layout } from "../template";

/** Σ weight × value over the parts filled in; null when none is. */
export function sumParts(
  values: readonly (number | null | undefined)[],
  weights: readonly number[],
  type: CellType,
): number | null {
  let sum = 0;
  let isAnyFilled = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    sum += v * (weights[i] ?? 1);
    isAnyFilled = true;
  }
  if (!isAnyFilled) return null;
  // Money sums in binary floating point (0.1 + 0.2); the template keeps 4 decimals.
  return type === "money" ? Number(sum.toFixed(MAX_MONEY_DECIMALS)) : sum;
}

/** Why a live total has no value: the first of its inputs that is blank or holds an entry the form refused. */
export interface TotalStop {
  readonly index: number;
  readonly reason: "blank" | "invalid";
}

export type LiveTotal =
  { readonly value: number; readonly stop: null } | { readonly value: null; readonly stop: TotalStop };

/**
 * The total the form shows while the clerk types. Unlike the stored total (`sumParts`,
 * the sum of what is filled so far), it has a value only when every input holds a valid
 * figure: a blank input, or one whose typed text the form refused (the form still holds
 * the figure that was there before, so summing it would show a number nobody typed),
 * stops it, and the first such input is named so the clerk knows where to look.
 * `isInvalid(i)` says whether input i holds a refused or unfinished entry.
 */
export function liveTotal(
  values: readonly (number | null | undefined)[],
  weights: readonly number[],
  type: CellType,
  isInvalid: (index: number) => boolean,
): LiveTotal {
  let sum = 0;
  let blank = -1;
  for (let i = 0; i < values.length; i++) {
    if (isInvalid(i)) return { value: null, stop: { index: i, reason: "invalid" } };
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      if (blank < 0) blank = i;
      continue;
    }
    sum += v * (weights[i] ?? 1);
  }
  // An invalid entry anywhere is named before a blank one: it is the one to correct.
  if (blank >= 0) return { value: null, stop: { index: blank, reason: "blank" } };
  return { value: type === "money" ? Number(sum.toFixed(MAX_MONEY_DECIMALS)) : sum, stop: null };
}

/** The cells with every computed total replaced by the sum of its parts. */
export function withComputedTotals(
  layout: Layout,
  cells: { readonly [id: string]: number | null | undefined },
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(cells)) out[id] = value ?? null;
  for (const cell of compileLayout(layout).totals) {
    out[cell.id] = sumParts(
      cell.total.inputs.map((id) => cells[id]),
      cell.total.weights,
      cell.type,
    );
  }
  return out;
}
