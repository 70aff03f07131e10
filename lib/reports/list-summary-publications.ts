import "server-only";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeOrganization } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";
import { AppError } from "@/lib/server/errors";
import { parseFrozenSummaryUnits } from "./frozen-summary-units";

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
      select: { sequence: true, publicationDate: true, correctionNote: true, includedUnits: true, excludedUnits: true },
    });
    return versions.map(({ includedUnits, excludedUnits, ...version }, index) => {
      if (index > 0) return { ...version, includedUnits: null };
      const units = parseFrozenSummaryUnits({ includedUnits, excludedUnits });
      if (!units.ok) throw new AppError("INTERNAL", "全县汇总的发布数据已损坏，请联系管理员。", units.error);
      return { ...version, includedUnits: units.included };
    });
  },
});
