/**
 * The 统计期限 as ISO dates for meta.periodStart/periodEnd, parsed by the
 * rule engine's own reader of the sentence (lib/rules statedPeriod), so the
 * importer and the checks agree on what a period sentence says. A date that
 * is not a real day (seed 002: “20231月1日”) is not guessed at: the period
 * stays unset and the problem names the date as written, with the engine's
 * suggested correction when there is one.
 */
import { resolvePeriodDate, statedPeriod } from "../rules";
import { MAX_NARRATIVE_LENGTH } from "../report-data";

export type PeriodReading =
  | { readonly kind: "period"; readonly start: string; readonly end: string }
  | { readonly kind: "unreadable"; readonly raw: string; readonly suggestion?: string }
  | { readonly kind: "none" };

/**
 * The first 统计期限 the texts state, in the order given (preamble first).
 * `reportYear` completes a date written without its year (“至12月31日”).
 * Texts longer than a narrative field may be are skipped: the engine
 * memoizes what it parses, and an oversized text is not a report's prose.
 */
export function readPeriod(texts: readonly string[], reportYear: number | undefined): PeriodReading {
  for (const text of texts) {
    if (text === "" || text.length > MAX_NARRATIVE_LENGTH) continue;
    const stated = statedPeriod(text);
    if (!stated) continue;
    const year = reportYear ?? stated.start.year ?? Number.NaN;
    const start = resolvePeriodDate(stated.start, year);
    const end = resolvePeriodDate(stated.end, year);
    if (!start.ok)
      return { kind: "unreadable", raw: start.raw, ...(start.suggestion ? { suggestion: start.suggestion } : {}) };
    if (!end.ok) return { kind: "unreadable", raw: end.raw, ...(end.suggestion ? { suggestion: end.suggestion } : {}) };
    return { kind: "period", start: start.iso, end: end.iso };
  }
  return { kind: "none" };
}
