import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  MAX_ORGANIZATION_DEPTH,
  type Action,
  type Actor,
  type OrganizationScope,
  type OrganizationSet,
  type SubjectOf,
} from "@/lib/workflow/policy";
import { authorize, notFoundFor } from "./authorize";
import { db } from "./db";
import { isUuid } from "./is-uuid";

// The organization tree as the policy sees it, walked along Organization.parentId with one
// depth bound (MAX_ORGANIZATION_DEPTH) in both directions: upwards for the ancestors a policy
// subject carries, downwards for the subtrees the list queries filter by. An organization
// is in a county's subtree exactly when the county is among its ancestors.

/** An organization and every organization above it, nearest first. */
export async function loadOrganizationScope(organizationId: string): Promise<OrganizationScope> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, "parentId", 0 AS depth FROM "Organization" WHERE id = ${organizationId}::uuid
      UNION ALL
      SELECT o.id, o."parentId", c.depth + 1 FROM "Organization" o JOIN chain c ON o.id = c."parentId"
      WHERE c.depth < ${MAX_ORGANIZATION_DEPTH}
    )
    SELECT id::text FROM chain WHERE depth > 0 ORDER BY depth`;
  return { organizationId, ancestorIds: rows.map((row) => row.id) };
}

/** The actions whose subject is one organization's scope. */
type OrganizationAction = { [A in Action]: SubjectOf[A] extends OrganizationScope ? A : never }[Action];

/**
 * Asks the policy about `action` on the organization of that id and returns the id. No id
 * (an actor who belongs to no organization) or one that is no uuid (a hand-written URL) is
 * nothing to find: not found.
 */
export async function authorizeOrganization(
  actor: Actor,
  action: OrganizationAction,
  organizationId: string | null,
): Promise<string> {
  if (organizationId === null || !isUuid(organizationId)) throw notFoundFor(actor);
  authorize(actor, action, await loadOrganizationScope(organizationId));
  return organizationId;
}

/** Each root's subtree: the root itself and every organization under it. */
export async function loadSubtrees(rootIds: readonly string[]): Promise<Map<string, string[]>> {
  const subtrees = new Map<string, string[]>(rootIds.map((id) => [id, []]));
  if (rootIds.length === 0) return subtrees;
  const rows = await db.$queryRaw<{ rootId: string; id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id AS "rootId", id, 0 AS depth FROM "Organization" WHERE id = ANY(${[...rootIds]}::uuid[])
      UNION ALL
      SELECT t."rootId", o.id, t.depth + 1 FROM "Organization" o JOIN tree t ON o."parentId" = t.id
      WHERE t.depth < ${MAX_ORGANIZATION_DEPTH}
    )
    SELECT "rootId"::text AS "rootId", id::text AS id FROM tree ORDER BY depth`;
  for (const row of rows) subtrees.get(row.rootId)?.push(row.id);
  return subtrees;
}

/**
 * The scope builder for queries: the organizations of a policy set (lib/workflow/policy.ts)
 * as a Prisma filter. Every query that lists reports or organizations by county uses it.
 */
export async function organizationFilter(set: OrganizationSet): Promise<Prisma.OrganizationWhereInput> {
  switch (set.kind) {
    case "everything":
      return {};
    case "nothing":
      return { id: { in: [] } };
    case "organization":
      return { id: set.organizationId };
    case "subtree":
      return { id: { in: (await loadSubtrees([set.rootId])).get(set.rootId) ?? [] } };
  }
}
