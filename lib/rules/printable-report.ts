/**
 * The corrections the `text.markup` and `text.invalidDate` findings ask for, applied to a
 * whole report: what a reviewer confirms an imported report with (lib/reports
 * publish-report.ts), since an imported report is published as its file reads and a frozen
 * PDF must not print a `**` or a 20231月1日.
 */
import type { ReportData } from "../report-data";
import { compileLayout, type Layout, type NarrativeId } from "../template";
import { printableText, type PrintCorrection } from "./text/markup";

export interface ReportTextCorrection extends PrintCorrection {
  readonly fieldId: NarrativeId;
  /** The part's heading as the findings name it. */
  readonly heading: string;
}

export interface PrintableReport {
  readonly data: ReportData;
  readonly corrections: readonly ReportTextCorrection[];
  /** Impossible days no correction can guess: the author must rewrite them. */
  readonly unresolved: readonly Omit<ReportTextCorrection, "replacement">[];
}

export function printableReport(layout: Layout, data: ReportData): PrintableReport {
  const corrections: ReportTextCorrection[] = [];
  const unresolved: Omit<ReportTextCorrection, "replacement">[] = [];
  const narrative = { ...data.narrative };
  for (const field of compileLayout(layout).narrativeFields) {
    const text = narrative[field.id];
    if (!text) continue;
    const printed = printableText(text, data.meta.year);
    if (printed.text !== text) narrative[field.id] = printed.text;
    const place = { fieldId: field.id, heading: field.heading };
    for (const correction of printed.corrections) corrections.push({ ...place, ...correction });
    for (const date of printed.unresolved) unresolved.push({ ...place, raw: date.raw });
  }
  return { data: corrections.length > 0 ? { ...data, narrative } : data, corrections, unresolved };
}

/** The corrections as the audit records them (AuditEvent.detail.textCorrections): where, what, what it became. */
export function textCorrectionsRecord(corrections: readonly ReportTextCorrection[]) {
  return corrections.map(({ fieldId, raw, replacement }) => ({ fieldId, raw, replacement }));
}
