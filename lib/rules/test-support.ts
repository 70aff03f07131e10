/** Report builders shared by the rule tests. */
import { seed002Corrected } from "../../fixtures";
import type { ReportData, ReportMeta } from "../report-data";
import { compileLayout, getLayout, type LayoutId, type NarrativeId } from "../template";
import type { Finding } from "./types";

/** Seed 002 with its period corrected: real figures, no findings. */
export const cleanReport2021: ReportData = seed002Corrected;

/** A gov-2019 report of zeros with every text filled: no findings. */
export function zeroReport(layoutId: LayoutId, year: number): ReportData {
  const compiled = compileLayout(getLayout(layoutId));
  const cells: Record<string, number> = {};
  for (const cell of compiled.cells) cells[cell.id] = 0;
  const narrative: Partial<Record<NarrativeId, string>> = {};
  for (const field of compiled.narrativeFields) narrative[field.id] = "无。";
  return {
    cells,
    narrative,
    meta: { organizationName: "测试县人民政府办公室", year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` },
  };
}

export function withCells(base: ReportData, cells: Readonly<Record<string, number | null | undefined>>): ReportData {
  return { ...base, cells: { ...base.cells, ...cells } };
}

export function withoutCells(base: ReportData, ids: readonly string[]): ReportData {
  const cells = { ...base.cells };
  for (const id of ids) delete cells[id];
  return { ...base, cells };
}

export function withNarrative(
  base: ReportData,
  narrative: Partial<Record<NarrativeId, string | undefined>>,
): ReportData {
  const merged: Partial<Record<NarrativeId, string>> = { ...base.narrative };
  for (const [id, text] of Object.entries(narrative)) {
    const key = listNarrativeFieldIds.find((k) => k === id);
    if (!key) throw new Error(`unknown narrative id ${id}`);
    if (text === undefined) delete merged[key];
    else merged[key] = text;
  }
  return { ...base, narrative: merged };
}

export function withMeta(base: ReportData, meta: Partial<ReportMeta>): ReportData {
  return { ...base, meta: { ...base.meta, ...meta } };
}

const listNarrativeFieldIds: readonly NarrativeId[] = [
  "preamble",
  "s1",
  "s1.active",
  "s1.onRequest",
  "s1.management",
  "s1.platform",
  "s1.oversight",
  "s5",
  "s6",
];

export const ruleIdsOf = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => f.ruleId))].sort();

export const findingsFor = (findings: readonly Finding[], ruleId: string): Finding[] =>
  findings.filter((f) => f.ruleId === ruleId);
