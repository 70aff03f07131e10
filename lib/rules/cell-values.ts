/**
 * Reading a report's cells into index arrays of the compiled layout, classifying each value
 * once (lib/template cellValueIssue), before any rule runs, so every rule reads numbers by index.
 */
import type { ReportData } from "../report-data";
import { cellValueIssue, cellValueIssues, type CellValueIssue, type CompiledLayout } from "../template";

/** Why a present value cannot be used, stored as 1 + its index in cellValueIssues; 0 = usable. */
export function issueKindAt(issues: Uint8Array, index: number): CellValueIssue | undefined {
  const code = issues[index] ?? 0;
  return code === 0 ? undefined : cellValueIssues[code - 1];
}

export interface CellReading {
  /** NaN where missing or unusable, so arithmetic skips it instead of cascading. */
  readonly values: Float64Array;
  readonly missing: Uint8Array;
  readonly issues: Uint8Array;
  /** Ids in the data that the layout does not have. */
  readonly unknownIds: readonly string[];
}

export function readCells(compiled: CompiledLayout, data: ReportData): CellReading {
  const { indexOf, types } = compiled;
  const n = compiled.cells.length;
  const values = new Float64Array(n).fill(Number.NaN);
  const missing = new Uint8Array(n).fill(1);
  const issues = new Uint8Array(n);
  const unknownIds: string[] = [];
  const source = data.cells;
  // Walk the data's own keys (property keys are internalized strings, so the
  // Map look-ups hash nothing) rather than probing the object with 200 ids:
  // measured 3 µs against 8–15 µs for the probes.
  for (const id in source) {
    const i = indexOf.get(id);
    if (i === undefined) {
      unknownIds.push(id);
      continue;
    }
    const value: unknown = source[id];
    if (value === null || value === undefined) continue;
    missing[i] = 0;
    const issue = cellValueIssue(value, types[i] ?? "count");
    if (issue === undefined && typeof value === "number") values[i] = value;
    else issues[i] = issue === undefined ? 0 : cellValueIssues.indexOf(issue) + 1;
  }
  return { values, missing, issues, unknownIds };
}
