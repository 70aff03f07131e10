/**
 * Reading a report's cells into the compiled index arrays, classifying each
 * value once, before any rule runs, so every rule reads numbers by index.
 */
import { MAX_CELL_VALUE, MAX_MONEY_DECIMALS, decimalPlaces } from '../template';
import type { CellType, ReportData } from '../template/types';
import type { CompiledLayout } from './compile-layout';

/** Why a present value cannot be used. Stored as 1 + index in `CellReading.issues`; 0 = usable. */
export const cellIssueKinds = ['notNumber', 'notInteger', 'negative', 'tooManyDecimals', 'outOfRange'] as const;
export type CellIssueKind = (typeof cellIssueKinds)[number];

export function classifyCellValue(value: unknown, type: CellType): CellIssueKind | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'notNumber';
  if (type !== 'money' && !Number.isInteger(value)) return 'notInteger';
  if (type !== 'signedCount' && value < 0) return 'negative';
  if (Math.abs(value) > MAX_CELL_VALUE) return 'outOfRange';
  if (type === 'money' && decimalPlaces(value) > MAX_MONEY_DECIMALS) return 'tooManyDecimals';
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
  const { cells, types } = compiled;
  const n = cells.length;
  const values = new Float64Array(n);
  const missing = new Uint8Array(n);
  const issues = new Uint8Array(n);
  const source = data.cells;
  let knownKeys = 0;
  for (let i = 0; i < n; i++) {
    const id = cells[i]?.id ?? '';
    const value: unknown = source[id];
    if (value === null || value === undefined) {
      missing[i] = 1;
      values[i] = Number.NaN;
      if (value === null || Object.prototype.hasOwnProperty.call(source, id)) knownKeys++;
      continue;
    }
    knownKeys++;
    const issue = classifyCellValue(value, types[i] ?? 'count');
    if (issue === undefined && typeof value === 'number') {
      values[i] = value;
    } else {
      values[i] = Number.NaN;
      issues[i] = issue === undefined ? 0 : cellIssueKinds.indexOf(issue) + 1;
    }
  }
  // Walk the keys only when the data holds more keys than the known ones found.
  const keys = Object.keys(source);
  const unknownIds = keys.length === knownKeys ? [] : keys.filter((k) => !compiled.indexOf.has(k));
  return { values, missing, issues, unknownIds };
}
