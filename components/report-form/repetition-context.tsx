"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { ReportData, ReportMeta } from "@/lib/report-data";
import { narrativeShingles, prescribedShingles, type WizardRepetition } from "@/lib/similarity/narrative-repetition";
import { ShingleSet } from "@/lib/similarity/text-repetition";
import { getLayout, type LayoutId, type NarrativeId } from "@/lib/template";

/** The 雷同 sources of the wizard, each built once: last year's own text, the county's matches, the template's own wording. */
export interface RepetitionSources {
  readonly thresholdPercent: number;
  readonly prescribed: ShingleSet;
  readonly previousYear: ShingleSet | null;
  /** Per part: the clerk's own passages the server found in another unit's report, and that share. */
  readonly county: ReadonlyMap<NarrativeId, { readonly percent: number; readonly passages: ShingleSet }>;
}

const RepetitionContext = createContext<RepetitionSources | null>(null);

/**
 * Around the wizard (the clerk's page puts it there): the sources every narrative field's
 * RepetitionWarning measures against.
 */
export function RepetitionProvider({
  layoutId,
  meta,
  previousYear,
  repetition,
  children,
}: {
  layoutId: LayoutId;
  meta: Pick<ReportMeta, "organizationName" | "year">;
  previousYear: ReportData | null;
  repetition: WizardRepetition | undefined;
  children: ReactNode;
}) {
  const sources = useMemo<RepetitionSources | null>(
    () =>
      repetition
        ? {
            thresholdPercent: repetition.thresholdPercent,
            prescribed: prescribedShingles(getLayout(layoutId), meta),
            previousYear: previousYear ? narrativeShingles(previousYear.narrative) : null,
            county: new Map(
              repetition.county.map((part) => [
                part.fieldId,
                { percent: part.percent, passages: new ShingleSet(part.passageTexts) },
              ]),
            ),
          }
        : null,
    [layoutId, meta, previousYear, repetition],
  );
  return <RepetitionContext.Provider value={sources}>{children}</RepetitionContext.Provider>;
}

/** The wizard's 雷同 sources; null where the page sent none (nothing is checked then). */
export function useRepetitionSources(): RepetitionSources | null {
  return useContext(RepetitionContext);
}
