import "server-only";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeOrganization } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";
import type { FrozenIncludedUnit } from "./prepare-summary-publication";

/**
 * The published versions of a county's summary of a year (newest first), for the staff
 * summary page, with the units the latest one added up; for whoever may read the summary.
 */
export const listSummaryPublications = defineOperation({
  name: "listSummaryPublications",
  action: "summary.read",
  authorize: (actor: Actor, countyId: string, _year: number) => authorizeOrganization(actor, "summary.read", countyId),
  run: async (countyId, _actor, _countyId, year) => {
    const versions = await db.countySummaryPublication.findMany({
      where: { countyId, year },
      orderBy: { sequence: "desc" },
      select: { sequence: true, publicationDate: true, correctionNote: true, includedUnits: true },
    });
    return versions.map(({ includedUnits, ...version }, index) => ({
      ...version,
      includedUnits: index === 0 && Array.isArray(includedUnits) ? (includedUnits as FrozenIncludedUnit[]) : null,
    }));
  },
});
