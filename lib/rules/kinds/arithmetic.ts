/**
 * Table arithmetic declared by the layout: sums of rows, sums of columns and
 * the per-column balance of table 三. All three compile to equations
 * left = right over cell indexes, checked by one loop.
 */
import type { CompiledGrid, CompiledLayout } from "../../template";
import { figureFinding } from "../figure-finding";
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
        fail: (actual: number, expected: number): Finding =>
          figureFinding(
            ruleId,
            "error",
            [...ids(compiled, left), ...ids(compiled, right)],
            message(label, expected, actual),
            {
              expected,
              actual,
            },
          ),
      };
    });
}

/**
 * A sum rule of a grid: along each line (a column for sums of rows, a row for sums of
 * columns), the `target` member is the sum of the `of` members. `cellAt` finds the cell of a
 * member on a line.
 */
function sumRule<K extends "sumRows" | "sumColumns">(
  linesOf: (grid: CompiledGrid) => readonly { readonly id: string }[],
  cellAt: (grid: CompiledGrid, member: string, line: string) => number,
  message: (target: string, expected: number, actual: number) => string,
): RuleEvaluator<K> {
  return {
    severity: "error",
    prepare(rule, compiled) {
      const grid = compiled.grid(rule.grid);
      const pairs = linesOf(grid).map((line) => ({
        target: cellAt(grid, rule.target, line.id),
        operands: rule.of.map((member) => cellAt(grid, member, line.id)),
      }));
      return checkEquations(totalEquations(compiled, rule.id, pairs, message));
    },
  };
}

/** Per column: the target row is the sum of the listed rows. */
export const sumRows = sumRule<"sumRows">(
  (grid) => grid.columns,
  (grid, row, column) => grid.indexAt(row, column),
  messages.sumOfRows,
);

/** Per row: the target column is the sum of the listed columns. */
export const sumColumns = sumRule<"sumColumns">(
  (grid) => grid.rows,
  (grid, column, row) => grid.indexAt(row, column),
  messages.sumOfColumns,
);

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
        fail: (expected, actual) =>
          figureFinding(
            rule.id,
            "error",
            [...ids(compiled, right), ...ids(compiled, left)],
            messages.balance(column.label, leftLabels, rightLabels, expected, actual),
            { expected, actual },
          ),
      };
    });
    return checkEquations(equations);
  },
};
