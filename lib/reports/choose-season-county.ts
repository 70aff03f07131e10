import "server-only";
import { db } from "@/lib/server/db";
import { isUuid } from "@/lib/server/is-uuid";
import { organizationFilter } from "@/lib/server/organization-scope";
import { readableOrganizations, type Actor } from "@/lib/workflow/policy";

export type SeasonCounty = { id: string; name: string };

/**
 * Which county a season page (the board, the summary) shows, and which it offers: the
 * counties the actor reaches (the policy's readable set: every county for the system
 * administrator, who has none of their own; their own for a reviewer or a county
 * administrator), by name. The one asked for, whatever it is (the page asks the policy
 * about it, so another county's is not found, and an id that is no id is null), else the
 * actor's own, else the first; null when none is reachable.
 */
export async function chooseSeasonCounty(
  actor: Actor,
  asked: string | undefined,
): Promise<{ counties: SeasonCounty[]; countyId: string | null }> {
  const counties = await db.organization.findMany({
    where: { AND: [{ kind: "COUNTY" }, await organizationFilter(readableOrganizations(actor))] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  if (asked) return { counties, countyId: isUuid(asked) ? asked : null };
  const own = counties.find((county) => county.id === actor?.organizationId);
  return { counties, countyId: (own ?? counties[0])?.id ?? null };
}
