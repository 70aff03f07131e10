import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/authorize";
import { organizationFilter } from "@/lib/server/organization-scope";
import { administeredOrganizations, subtreeOf, type Actor, type OrganizationSet } from "@/lib/workflow/policy";

/**
 * The authorization step of an administration list: the policy is asked about `action`
 * (no subject: the list is of the actor's own scope), and the list is of that scope.
 */
export async function authorizeAdministeredList(
  actor: Actor,
  action: "account.list" | "audit.read",
): Promise<OrganizationSet> {
  authorize(actor, action, null);
  return administeredOrganizations(actor);
}

/**
 * The scope builder's filter for rows that name an organization (users, audit events): in
 * the administered set, and within the chosen unit's subtree when the list is narrowed to
 * one. Rows without an organization (system administrators, their events) are in the
 * "everything" set only.
 */
export async function organizationRowFilter(
  set: OrganizationSet,
  unitId: string | undefined,
): Promise<{ organization?: Prisma.OrganizationNullableScalarRelationFilter }[]> {
  const filters: { organization?: Prisma.OrganizationNullableScalarRelationFilter }[] = [];
  if (set.kind !== "everything") filters.push({ organization: { is: await organizationFilter(set) } });
  if (unitId) filters.push({ organization: { is: await organizationFilter(subtreeOf(unitId)) } });
  return filters;
}

/** Page numbers of the administration lists. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
