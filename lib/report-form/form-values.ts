/**
 * The report as react-hook-form values, and back.
 *
 * react-hook-form reads dots in field names as object paths, and the
 * template's ids have dots (`t3.r1.natural`, `s1.active`, and `s1` is itself
 * a field), so ids are encoded with `__` (never part of an id) into two flat
 * records. Flat records also keep react-hook-form's per-change clone cheap.
 *
 * Only what the clerk types lives in the form. Totals are derived (see
 * lib/report-data computed-totals.ts) and written into the ReportData that is saved and
 * checked, so a stored total always agrees with its parts.
 */
import { withComputedTotals, type ReportData, type ReportMeta } from "@/lib/report-data";
import { compileLayout, type Layout, type NarrativeId } from "@/lib/template";

export interface ReportFormValues {
  cells: Record<string, number | null>;
  narrative: Record<string, string>;
}

export type CellFieldName = `cells.${string}`;
export type NarrativeFieldName = `narrative.${string}`;

const encode = (id: string): string => id.replace(/\./g, "__");
const decode = (key: string): string => key.replace(/__/g, ".");

export function cellFieldName(cellId: string): CellFieldName {
  return `cells.${encode(cellId)}`;
}

export function narrativeFieldName(id: NarrativeId): NarrativeFieldName {
  return `narrative.${encode(id)}`;
}

/** The template id a form field name stands for (`cells.t3__r1__natural` → `t3.r1.natural`). */
export function fieldIdOf(name: string): string {
  const dot = name.indexOf(".");
  return decode(dot >= 0 ? name.slice(dot + 1) : name);
}

interface FieldKeys {
  /** [form key, cell id] of every cell the clerk types (totals excluded). */
  readonly inputCells: readonly (readonly [string, string])[];
  readonly narrative: readonly (readonly [string, NarrativeId])[];
}

const keysCache = new WeakMap<Layout, FieldKeys>();

function fieldKeys(layout: Layout): FieldKeys {
  const cached = keysCache.get(layout);
  if (cached) return cached;
  const compiled = compileLayout(layout);
  const keys: FieldKeys = {
    inputCells: compiled.inputCells.map((cell) => [encode(cell.id), cell.id] as const),
    narrative: compiled.narrativeFields.map((field) => [encode(field.id), field.id] as const),
  };
  keysCache.set(layout, keys);
  return keys;
}

/** Form values from stored data: every input cell present (null when empty), every text a string. */
export function toFormValues(layout: Layout, data: ReportData): ReportFormValues {
  const keys = fieldKeys(layout);
  const cells: Record<string, number | null> = {};
  for (const [key, id] of keys.inputCells) {
    const value = data.cells[id];
    cells[key] = typeof value === "number" && Number.isFinite(value) ? value : null;
  }
  const narrative: Record<string, string> = {};
  for (const [key, id] of keys.narrative) narrative[key] = data.narrative[id] ?? "";
  return { cells, narrative };
}

/** Report data from form values, totals computed from their parts. `meta` is not editable in the form. */
export function toReportData(layout: Layout, values: ReportFormValues, meta: ReportMeta): ReportData {
  const keys = fieldKeys(layout);
  const cells: Record<string, number | null> = {};
  for (const [key, id] of keys.inputCells) {
    const value = values.cells[key];
    cells[id] = typeof value === "number" && Number.isFinite(value) ? value : null;
  }
  const narrative: Partial<Record<NarrativeId, string>> = {};
  for (const [key, id] of keys.narrative) narrative[id] = values.narrative[key] ?? "";
  return { cells: withComputedTotals(layout, cells), narrative, meta };
}

/** The stored data as the form will save it (totals recomputed): to compare without false differences. */
export function normalizeReportData(layout: Layout, data: ReportData): ReportData {
  return toReportData(layout, toFormValues(layout, data), data.meta);
}
