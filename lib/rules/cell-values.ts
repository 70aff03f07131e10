/**
 * Reading a report's cells into the compiled index arrays, classifying each
 * value once, before any rule runs, so every rule reads numbers by index.
 */
import { MAX_CELL_VALUE, MAX_MONEY_DECIMALS, decimalPlaces } from "../template";
import type { CellType, ReportData } from "../template/types";
import type { CompiledLayout } from "./compile-layout";

/** Why a present value cannot be used. Stored as 1 + index in `CellReading.issues`; 0 = usable. */
export const cellIssueKinds = ["notNumber", "notInteger", "negative", "tooManyDecimals", "outOfRange"] as const;
export type CellIssueKind = (typeof cellIssueKinds)[number];

export function classifyCellValue(value: unknown, type: CellType): CellIssueKind | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return "notNumber";
  if (type !== "money" && !Number.isInteger(value)) return "notInteger";
  if (type !== "signedCount" && value < 0) return "negative";
  if (Math.abs(value) > MAX_CELL_VALUE) return "outOfRange";
  if (type === "money" && decimalPlaces(value) > MAX_MONEY_DECIMALS) return "tooManyDecimals";
  return undefined;
}

export function issueKindAt(issues: Uint8Array, index: number): CellIssueKind | undefined {
  const code = issues[index] ?? 0;
  return code === 0 ? undefined : cellIssueKinds[code - 1];
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
    const issue = classifyCellValue(value, types[i] ?? "count");
    if (issue === undefined && typeof value === "number") values[i] = value;
    else issues[i] = issue === undefined ? 0 : cellIssueKinds.indexOf(issue) + 1;
  }
  return { values, missing, issues, unknownIds };
}
