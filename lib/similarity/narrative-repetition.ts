/**
 * 雷同 over a report's narrative parts: each part of this report against the whole narrative
 * of another report (last year's own, or another unit's of the same year). Against the whole
 * other narrative, not the same part only, because a paragraph copied from last year's
 * 一、总体情况 into this year's （二） is copied all the same. Universal: the wizard runs it in
 * the browser against last year's text, the server against other units' reports.
 */
import type { ReportData } from "@/lib/report-data";
import { compileLayout, periodSentence, standardPreamble, type Layout, type NarrativeId } from "@/lib/template";
import { exceedsThreshold, measureRepetition, repetitionPercent, ShingleSet, type TextRange } from "./text-repetition";

/** 雷同 above this share (percent) is flagged, unless the server is configured otherwise. */
export const DEFAULT_REPETITION_THRESHOLD_PERCENT = 50;

/** Where the repeated text was found, as the clerk and the reviewer read it. */
export type RepetitionSource = { kind: "previousYear" } | { kind: "otherUnit"; organizationName: string | null };

export function repetitionSourceLabel(source: RepetitionSource): string {
  if (source.kind === "previousYear") return "上年本单位报告";
  return source.organizationName ? `同县单位“${source.organizationName}”的报告` : "同县某单位的报告";
}

/** One narrative part over the threshold against one source. */
export interface PartRepetition {
  readonly fieldId: NarrativeId;
  readonly heading: string;
  /** Whole percent, rounded down. */
  readonly percent: number;
  readonly passages: readonly TextRange[];
}

/**
 * One part of a clerk's saved draft over the threshold against other units of the county, as
 * the server sends it to the wizard: the share and the clerk's own repeated wording, never the
 * other text nor whose it is (lib/reports/find-report-repetition.ts).
 */
export interface CountyRepetitionForClerk extends Pick<PartRepetition, "fieldId" | "percent"> {
  /** The clerk's own stored text of each passage, so the wizard can follow it while the clerk rewrites. */
  readonly passageTexts: readonly string[];
}

/** What the server tells the wizard about 雷同: the county's threshold and the saved draft's matches in the county. */
export interface WizardRepetition {
  readonly thresholdPercent: number;
  readonly county: readonly CountyRepetitionForClerk[];
}

/**
 * What the template prescribes for a report of this body and year, which never counts as
 * copied: the standard opening and the 统计期限 sentence, for this year and the last (a
 * clerk who starts from last year's text carries last year's sentence until the dates are
 * changed, and the rules flag those dates on their own), and the headings of the parts,
 * which many clerks repeat at the start of the text.
 */
export function prescribedShingles(layout: Layout, meta: { organizationName: string; year: number }): ShingleSet {
  const texts = [meta.year, meta.year - 1].flatMap((year) => [
    standardPreamble(layout, { organizationName: meta.organizationName, year }),
    periodSentence(year),
  ]);
  const headings = compileLayout(layout).narrativeFields.map((field) => field.heading);
  return new ShingleSet([...texts, ...headings]);
}

/** Everything a report says in words, as one set to compare other texts against. */
export function narrativeShingles(narrative: ReportData["narrative"]): ShingleSet {
  return new ShingleSet(Object.values(narrative).filter((text): text is string => typeof text === "string"));
}

/**
 * The parts of `data` that repeat `other` above the threshold, in the layout's order.
 * `prescribed` comes from prescribedShingles for `data`'s own body and year.
 */
export function findRepeatedParts(
  layout: Layout,
  data: Pick<ReportData, "narrative">,
  other: ShingleSet,
  prescribed: ShingleSet,
  thresholdPercent: number,
): PartRepetition[] {
  return compileLayout(layout).narrativeFields.flatMap((field) => {
    const text = data.narrative[field.id];
    if (!text) return [];
    const repetition = measureRepetition(text, other, prescribed);
    if (!exceedsThreshold(repetition, thresholdPercent)) return [];
    return [
      {
        fieldId: field.id,
        heading: field.heading,
        percent: repetitionPercent(repetition),
        passages: repetition.passages,
      },
    ];
  });
}
