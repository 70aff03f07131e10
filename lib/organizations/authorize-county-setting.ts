import "server-only";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { isUuid } from "@/lib/server/is-uuid";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";

/**
 * The county a county-wide setting is changed for (its calendar, its report mode, its 雷同
 * threshold): not found as the policy answers for what is not the actor's, allowed by the
 * policy, and a county — a setting named for a township is refused with `notCountyMessage`.
 */
export async function authorizeCountySetting(
  actor: Actor,
  action: "calendar.manage" | "county.configure",
  countyId: string,
  notCountyMessage: string,
): Promise<string> {
  const county = isUuid(countyId)
    ? await db.organization.findUnique({ where: { id: countyId }, select: { kind: true } })
    : null;
  if (!county) throw notFoundFor(actor);
  authorize(actor, action, await loadOrganizationScope(countyId));
  if (county.kind !== "COUNTY") throw new AppError("INVALID_INPUT", notCountyMessage);
  return countyId;
}
