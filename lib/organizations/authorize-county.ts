import "server-only";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { isUuid } from "@/lib/server/is-uuid";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";

/**
 * The county an action is for (its calendar, its report mode, its 雷同 threshold, its
 * summary's publication): not found as the policy answers for what is not the actor's,
 * allowed by the policy, and a county. An organization that is no county is refused with
 * `notCountyMessage` where the form could have named one, else not found.
 */
export async function authorizeCounty(
  actor: Actor,
  action: "calendar.manage" | "county.configure" | "summary.publish",
  countyId: string,
  notCountyMessage?: string,
): Promise<string> {
  const county = isUuid(countyId)
    ? await db.organization.findUnique({ where: { id: countyId }, select: { kind: true } })
    : null;
  if (!county) throw notFoundFor(actor);
  authorize(actor, action, await loadOrganizationScope(countyId));
  if (county.kind !== "COUNTY")
    throw notCountyMessage ? new AppError("INVALID_INPUT", notCountyMessage) : notFoundFor(actor);
  return countyId;
}
