import "server-only";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { organizationFilter } from "@/lib/server/organization-scope";
import { administeredOrganizations, type Actor } from "@/lib/workflow/policy";

export type CountyChoice = { id: string; name: string };

/**
 * The counties an administrator may import into (units, accounts, past reports): the
 * counties of the administered scope that are not retired, by name. A county administrator
 * gets their own county, the system administrator every county.
 */
export const listImportCounties = defineOperation({
  name: "listImportCounties",
  action: "unit.list",
  authorize: async (actor: Actor) => {
    authorize(actor, "unit.list", null);
    return administeredOrganizations(actor);
  },
  run: async (scope): Promise<CountyChoice[]> => {
    const counties = await db.organization.findMany({
      where: { AND: [await organizationFilter(scope), { kind: "COUNTY", retiredAt: null }] },
      select: { id: true, name: true },
    });
    return counties.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  },
});
