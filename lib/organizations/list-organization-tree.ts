import "server-only";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/workflow/policy";

/** Counties with their organizations and users, for administrators. */
export async function listOrganizationTree(actor: Actor) {
  authorize(actor, "admin.manage", null, "FORBIDDEN");
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
  return counties.map((county) => ({
    ...county,
    children: organizations.filter((organization) => organization.parentId === county.id),
  }));
}
