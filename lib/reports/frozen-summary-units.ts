/**
 * The unit lists a published county summary freezes (CountySummaryPublication.includedUnits
 * and excludedUnits): their shapes, and the one codec that reads them back from stored JSON
 * for the public documents and the staff summary page. A list that does not parse is a data
 * error, never guessed at.
 */
import { z } from "zod";

const frozenIncludedUnit = z.object({
  unitId: z.string(),
  unitName: z.string(),
  reportId: z.string(),
  status: z.string(),
});
const frozenExcludedUnit = z.object({
  unitId: z.string(),
  unitName: z.string(),
  reportId: z.string().nullable(),
  reason: z.string(),
});

/** A unit the frozen summary adds up, as stored. */
export type FrozenIncludedUnit = z.infer<typeof frozenIncludedUnit>;
/** A unit not yet in it, with why, as stored. */
export type FrozenExcludedUnit = z.infer<typeof frozenExcludedUnit>;

export type FrozenUnitsReading =
  { ok: true; included: FrozenIncludedUnit[]; excluded: FrozenExcludedUnit[] } | { ok: false; error: string };

/** Both stored lists of one summary version, or what is wrong with them. */
export function parseFrozenSummaryUnits(stored: {
  includedUnits: unknown;
  excludedUnits: unknown;
}): FrozenUnitsReading {
  const included = z.array(frozenIncludedUnit).safeParse(stored.includedUnits);
  const excluded = z.array(frozenExcludedUnit).safeParse(stored.excludedUnits);
  if (!included.success) return { ok: false, error: `includedUnits: ${z.prettifyError(included.error)}` };
  if (!excluded.success) return { ok: false, error: `excludedUnits: ${z.prettifyError(excluded.error)}` };
  return { ok: true, included: included.data, excluded: excluded.data };
}
