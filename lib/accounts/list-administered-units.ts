import "server-only";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeAdministeredList } from "./administered-scope";
import { organizationFilter } from "@/lib/server/organization-scope";
import { type Actor } from "@/lib/workflow/policy";

export type AdministeredUnit = { id: string; name: string; kind: string; countyName: string; isRetired: boolean };

/**
 * One page of an administration list (accounts, the audit log) with the units its filter
 * offers: the list operation asks the policy about its own action, and the units are the same
 * administered scope.
 */
export async function withFilterUnits<L>(
  actor: Actor,
  list: Promise<L>,
): Promise<{ list: L; units: AdministeredUnit[] }> {
  return { list: await list, units: await listAdministeredUnits(actor) };
}

/**
 * The units of the actor's administered scope, each with the county it lies in, counties
 * first and then by name: the choices of the account forms and the list filters.
 */
export const listAdministeredUnits = defineOperation({
  name: "listAdministeredUnits",
  action: "account.list",
  authorize: (actor: Actor) => authorizeAdministeredList(actor, "account.list"),
  run: async (scope): Promise<AdministeredUnit[]> => {
    const units = await db.organization.findMany({
      where: await organizationFilter(scope),
      select: { id: true, name: true, kind: true, parentId: true, retiredAt: true },
    });
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const countyOf = (unit: (typeof units)[number]) => {
      let current = unit;
      for (let depth = 0; current.parentId && byId.has(current.parentId) && depth < 10; depth += 1)
        current = byId.get(current.parentId)!;
      return current;
    };
    return units
      .map((unit) => ({
        id: unit.id,
        name: unit.name,
        kind: unit.kind,
        countyName: countyOf(unit).name,
        isRetired: unit.retiredAt !== null,
      }))
      .sort(
        (a, b) =>
          a.countyName.localeCompare(b.countyName, "zh-CN") ||
          Number(b.kind === "COUNTY") - Number(a.kind === "COUNTY") ||
          a.name.localeCompare(b.name, "zh-CN"),
      );
  },
});
