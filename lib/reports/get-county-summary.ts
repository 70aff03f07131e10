import "server-only";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { defineOperation } from "@/lib/server/define-operation";
import { isUuid } from "@/lib/server/is-uuid";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";
import { loadCountySummary } from "./load-county-summary";

/**
 * A county's summary (全县汇总) for one year, for those the policy lets read it (the
 * county's reviewers and administrators, the county government's own clerk); a county out
 * of reach, a unit that is not a county or a year no layout covers is not found.
 */
export const getCountySummary = defineOperation({
  name: "getCountySummary",
  action: "summary.read",
  authorize: async (actor: Actor, countyId: string, _year: number) => {
    if (!isUuid(countyId)) throw notFoundFor(actor);
    authorize(actor, "summary.read", await loadOrganizationScope(countyId));
    return countyId;
  },
  run: async (countyId, actor, _countyId, year) => {
    const summary = await loadCountySummary(countyId, year);
    if (!summary) throw notFoundFor(actor);
    return summary;
  },
});
