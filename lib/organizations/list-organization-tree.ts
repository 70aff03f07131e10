import "server-only";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { loadSubtrees } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";

/** Counties with every organization of their subtree and its users, for administrators. */
export const listOrganizationTree = defineOperation({
  name: "listOrganizationTree",
  action: "admin.manage",
  authorize: async (actor: Actor) => authorize(actor, "admin.manage", null),
  run: () => organizationTree(),
});

async function organizationTree() {
  const organizations = await db.organization.findMany({
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
  const counties = organizations.filter((organization) => organization.parentId === null);
  const subtrees = await loadSubtrees(counties.map((county) => county.id));
  return counties.map((county) => {
    const below = new Set(subtrees.get(county.id));
    below.delete(county.id);
    return { ...county, children: organizations.filter((organization) => below.has(organization.id)) };
  });
}
