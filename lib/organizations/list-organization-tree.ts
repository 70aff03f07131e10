import "server-only";
import { authorizeAdministeredList } from "@/lib/accounts/administered-scope";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { loadSubtrees, organizationFilter } from "@/lib/server/organization-scope";
import { type Actor, type OrganizationSet } from "@/lib/workflow/policy";

/**
 * The counties of the actor's administered scope (all of them for the system administrator,
 * their own for a county administrator), each with every organization of its subtree and
 * its users.
 */
export const listOrganizationTree = defineOperation({
  name: "listOrganizationTree",
  action: "account.list",
  authorize: (actor: Actor) => authorizeAdministeredList(actor, "account.list"),
  run: (scope) => organizationTree(scope),
});

async function organizationTree(scope: OrganizationSet) {
  const organizations = await db.organization.findMany({
    where: await organizationFilter(scope),
    orderBy: [{ name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      parentId: true,
      divisionCode: true,
      users: { select: { id: true, name: true, username: true, role: true }, orderBy: { username: "asc" } },
    },
  });
  const ids = new Set(organizations.map((organization) => organization.id));
  const counties = organizations.filter(
    (organization) => organization.parentId === null || !ids.has(organization.parentId),
  );
  const subtrees = await loadSubtrees(counties.map((county) => county.id));
  return counties.map((county) => {
    const below = new Set(subtrees.get(county.id));
    below.delete(county.id);
    return { ...county, children: organizations.filter((organization) => below.has(organization.id)) };
  });
}
