import "server-only";
import type { OrganizationKind } from "@/lib/report-data";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { organizationFilter } from "@/lib/server/organization-scope";
import { can, readableOrganizations, type Actor } from "@/lib/workflow/policy";
import { unitFieldsSelect, type UnitFields } from "./unit-fields";

export type UnitNode = UnitFields & {
  userCount: number;
  children: UnitNode[];
};

/**
 * The units an administrator administers, as trees: every county for the system
 * administrator, its own county for a county administrator (the one scope builder,
 * organizationFilter over readableOrganizations). Children sorted by kind, then name.
 */
export const listUnitTree = defineOperation({
  name: "listUnitTree",
  action: "unit.list",
  authorize: async (actor: Actor) => authorize(actor, "unit.list", null),
  run: async (_loaded, actor) => unitTreeOf(actor),
});

/**
 * The unit tree as the administration pages show it, and whether the actor also manages the
 * counties themselves (the system administrator, whose tree holds every county).
 */
export async function unitTreeView(actor: Actor): Promise<{ roots: UnitNode[]; managesCounties: boolean }> {
  return { roots: await listUnitTree(actor), managesCounties: can(actor, "county.manage", null) };
}

const kindOrder: Record<OrganizationKind, number> = { COUNTY: 0, SUBDISTRICT: 1, TOWN: 2, TOWNSHIP: 3, DEPARTMENT: 4 };

async function unitTreeOf(actor: Actor): Promise<UnitNode[]> {
  const rows = await db.organization.findMany({
    where: await organizationFilter(readableOrganizations(actor)),
    select: { ...unitFieldsSelect, _count: { select: { users: true } } },
  });
  const nodes = new Map<string, UnitNode>(
    rows.map(({ _count, ...row }) => [row.id, { ...row, userCount: _count.users, children: [] }]),
  );
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort(
      (a, b) =>
        Number(a.retiredAt !== null) - Number(b.retiredAt !== null) ||
        kindOrder[a.kind] - kindOrder[b.kind] ||
        (a.divisionCode ?? "").localeCompare(b.divisionCode ?? "") ||
        a.name.localeCompare(b.name, "zh-CN"),
    );
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
