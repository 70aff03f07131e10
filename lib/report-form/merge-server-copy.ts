/**
 * What the wizard's saver merges on a conflict (lib/report-form/draft-saver.ts): this tab's
 * values with the server's newer copy, three-way from the values the tab started from
 * (lib/report-data mergeReportData), in the payload shape a save sends.
 */
import { mergeReportData, type ReportData, type ServerCopy } from "@/lib/report-data";
import type { Layout } from "@/lib/template";
import type { ConflictMerge } from "./draft-saver";
import { normalizeReportData } from "./form-values";
import type { DraftPayload } from "./local-draft";

/** Stored data as the form would save it (every input cell and text, totals recomputed). */
export function toDraftPayload(layout: Layout, data: Pick<ReportData, "cells" | "narrative">): DraftPayload {
  const normalized = normalizeReportData(layout, { ...data, meta: { organizationName: "", year: 0 } });
  return {
    cells: normalized.cells as Record<string, number | null>,
    narrative: normalized.narrative as Record<string, string>,
  };
}

export function mergeWithServerCopy(
  layout: Layout,
  base: DraftPayload | null,
  mine: DraftPayload,
  copy: ServerCopy,
): ConflictMerge {
  const merge = mergeReportData(layout, base, mine, copy.data);
  return {
    version: copy.version,
    theirs: toDraftPayload(layout, copy.data),
    merged: merge.merged,
    questions: merge.conflicts.length,
    taken: merge.fromTheirs.length,
  };
}
