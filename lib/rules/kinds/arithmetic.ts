/**
 * Table arithmetic declared by the layout: sums of rows, sums of columns and
 * the per-column balance of table 三. All three compile to equations
 * left = right over cell indexes, checked by one loop.
 */
import type { CompiledGrid, CompiledLayout } from "../../template";
import { messages } from "../messages";
import type { RuleEvaluator } from "../registry-types";
import type { Check, Finding } from "../types";

interface Equation {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Builds the finding only when the equation fails (rare), keeping the pass path allocation-free. */
  readonly fail: (leftSum: number, rightSum: number) => Finding;
}

/** Sum of `indexes`, or NaN if any is missing or unusable. */
function sumAt(values: Float64Array, indexes: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < indexes.length; i++) {
    const v = values[indexes[i] ?? -1];
    if (v === undefined || v !== v) return Number.NaN;
    sum += v;
  }
  return sum;
}

function checkEquations(equations: readonly Equation[]): Check {
  return (state, out) => {
    for (const eq of equations) {
      const left = sumAt(state.values, eq.left);
      if (left !== left) continue;
      const right = sumAt(state.values, eq.right);
      if (right !== right || left === right) continue;
      out.push(eq.fail(left, right));
    }
  };
}

const ids = (compiled: CompiledLayout, indexes: Int32Array): string[] =>
  Array.from(indexes, (i) => compiled.cells[i]?.id ?? "");

const indexesOf = (list: readonly number[]): Int32Array => Int32Array.from(list.filter((i) => i >= 0));

const rowLabel = (grid: CompiledGrid, id: string): string => grid.row(id)?.label ?? id;

/**
 * Equations “target = Σ operands” for each (target, operands) pair, with
 * the finding built by `message`. Shared by sums of rows and of columns.
 */
function totalEquations(
  compiled: CompiledLayout,
  ruleId: string,
  pairs: readonly { readonly target: number; readonly operands: readonly number[] }[],
  message: (target: string, expected: number, actual: number) => string,
): Equation[] {
  return pairs
    .filter((p) => p.target >= 0)
    .map(({ target, operands }) => {
      const left = Int32Array.of(target);
      const right = indexesOf(operands);
      const label = compiled.cells[target]?.label ?? "";
      return {
        left,
        right,
        fail: (actual: number, expected: number): Finding => ({
          ruleId,
          severity: "error",
          cellIds: [...ids(compiled, left), ...ids(compiled, right)],
          message: message(label, expected, actual),
          expected,
          actual,
        }),
      };
    });
}

/** Per column: the target row is the sum of the listed rows. */
export const sumRows: RuleEvaluator<"sumRows"> = {
  severity: "error",
  prepare(rule, compiled) {
    const grid = compiled.grid(rule.grid);
    const pairs = grid.columns.map((column) => ({
      target: grid.indexAt(rule.target, column.id),
      operands: rule.of.map((row) => grid.indexAt(row, column.id)),
    }));
    return checkEquations(totalEquations(compiled, rule.id, pairs, messages.sumOfRows));
  },
};

/** Per row: the target column is the sum of the listed columns. */
export const sumColumns: RuleEvaluator<"sumColumns"> = {
  severity: "error",
  prepare(rule, compiled) {
    const grid = compiled.grid(rule.grid);
    const pairs = grid.rows.map((row) => ({
      target: grid.indexAt(row.id, rule.target),
      operands: rule.of.map((column) => grid.indexAt(row.id, column)),
    }));
    return checkEquations(totalEquations(compiled, rule.id, pairs, messages.sumOfColumns));
  },
};

/** Per column: the listed left rows sum to the listed right rows (table 三: 一 + 二 = 三（七） + 四). */
export const balance: RuleEvaluator<"balance"> = {
  severity: "error",
  prepare(rule, compiled) {
    const grid = compiled.grid(rule.grid);
    const leftLabels = rule.left.map((row) => rowLabel(grid, row));
    const rightLabels = rule.right.map((row) => rowLabel(grid, row));
    const equations = grid.columns.map((column): Equation => {
      const left = indexesOf(rule.left.map((row) => grid.indexAt(row, column.id)));
      const right = indexesOf(rule.right.map((row) => grid.indexAt(row, column.id)));
      return {
        left,
        right,
        fail: (expected, actual) => ({
          ruleId: rule.id,
          severity: "error",
          cellIds: [...ids(compiled, right), ...ids(compiled, left)],
          message: messages.balance(column.label, leftLabels, rightLabels, expected, actual),
          expected,
          actual,
        }),
      };
    });
    return checkEquations(equations);
  },
};
