/**
 * Totals the form computes instead of asking for: every cell that a layout
 * rule of kind `sumRows` or `sumColumns` targets (（七）总计, the 总计
 * column, table 四's block totals). Derived from the rules as data, so a new
 * layout needs no code here.
 *
 * A total is expanded down to the cells the clerk types: （七）总计·总计 is the
 * sum of 22 rows × 6 columns of inputs, not of other totals, so each total
 * subscribes to exactly the inputs it depends on and nothing else.
 *
 * While a table is partly filled, a total is the sum of the parts filled so
 * far (as a spreadsheet shows it); it is empty only when none of its parts
 * is. Missing parts are reported by the completeness rule, not hidden by 0.
 */
import { MAX_MONEY_DECIMALS, type CellDef, type CellType, type Grid, type Layout } from "@/lib/template";

export interface ComputedCell {
  readonly id: string;
  readonly type: CellType;
  /** Input cells (not themselves computed), each with how many times it counts (1 for the layouts in force). */
  readonly inputs: readonly string[];
  readonly weights: readonly number[];
  /** The rule the total follows (the first one that targets it). */
  readonly ruleId: string;
}

function gridsOf(layout: Layout): Map<string, Grid> {
  const grids = new Map<string, Grid>();
  for (const section of layout.sections)
    if (section.kind === "table") for (const grid of section.grids) grids.set(grid.id, grid);
  return grids;
}

const planCache = new WeakMap<Layout, ReadonlyMap<string, ComputedCell>>();

/** Every computed cell of the layout with the input cells it sums. */
export function computedCellPlan(layout: Layout): ReadonlyMap<string, ComputedCell> {
  const cached = planCache.get(layout);
  if (cached) return cached;

  // Direct operands of each target, from the first rule that targets it.
  const direct = new Map<string, { cell: CellDef; operands: string[]; ruleId: string }>();
  const grids = gridsOf(layout);
  for (const rule of layout.rules) {
    if (rule.kind !== "sumRows" && rule.kind !== "sumColumns") continue;
    const grid = grids.get(rule.grid);
    if (!grid) continue;
    const at = new Map(grid.cells.map((cell) => [`${cell.row}\u0000${cell.column}`, cell]));
    for (const cell of grid.cells) {
      const isTarget = rule.kind === "sumRows" ? cell.row === rule.target : cell.column === rule.target;
      if (!isTarget || direct.has(cell.id)) continue;
      const operands = rule.of
        .map((part) =>
          rule.kind === "sumRows" ? at.get(`${part}\u0000${cell.column}`) : at.get(`${cell.row}\u0000${part}`),
        )
        .filter((operand): operand is CellDef => operand !== undefined)
        .map((operand) => operand.id);
      direct.set(cell.id, { cell, operands, ruleId: rule.id });
    }
  }

  const expanded = new Map<string, Map<string, number>>();
  const expand = (id: string, seen: ReadonlySet<string>): Map<string, number> => {
    const done = expanded.get(id);
    if (done) return done;
    const entry = direct.get(id);
    const out = new Map<string, number>();
    if (!entry) return out;
    if (seen.has(id)) throw new Error(`computed totals: ${id} depends on itself`);
    const inner = new Set(seen).add(id);
    for (const operand of entry.operands) {
      if (direct.has(operand)) {
        for (const [input, weight] of expand(operand, inner)) out.set(input, (out.get(input) ?? 0) + weight);
      } else {
        out.set(operand, (out.get(operand) ?? 0) + 1);
      }
    }
    expanded.set(id, out);
    return out;
  };

  const plan = new Map<string, ComputedCell>();
  for (const [id, entry] of direct) {
    const inputs = expand(id, new Set());
    plan.set(id, {
      id,
      type: entry.cell.type,
      inputs: [...inputs.keys()],
      weights: [...inputs.values()],
      ruleId: entry.ruleId,
    });
  }
  planCache.set(layout, plan);
  return plan;
}

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

/** The cells with every computed total replaced by the sum of its parts. */
export function withComputedTotals(
  layout: Layout,
  cells: { readonly [id: string]: number | null | undefined },
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(cells)) out[id] = value ?? null;
  for (const total of computedCellPlan(layout).values()) {
    out[total.id] = sumParts(
      total.inputs.map((id) => cells[id]),
      total.weights,
      total.type,
    );
  }
  return out;
}
