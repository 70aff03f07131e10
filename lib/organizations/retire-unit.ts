import "server-only";
import { changingPublicSite } from "@/lib/publications/public-answers";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { auditUnitEvent, loadManagedUnit, lockUnitTree } from "./unit-store";

/**
 * Retires a unit (merged, abolished): it keeps its published reports online, but is no
 * longer offered in the review queue for the years after, and cannot start a new report.
 * A unit whose own units are still active is refused: retire those first. Audited as unit.retire.
 */
export const retireUnit = defineOperation({
  name: "retireUnit",
  action: "unit.manage",
  authorize: async (actor: Actor, input: { unitId: string }) => loadManagedUnit(actor, input.unitId),
  // The public documents and the catalogue show units' names and places.
  run: (unit, actor) => changingPublicSite(retire(actor, unit.id)),
});

async function retire(actor: Actor, unitId: string): Promise<{ retiredAt: string }> {
  return db.$transaction(async (tx) => {
    await lockUnitTree(tx);
    const active = await tx.organization.count({ where: { parentId: unitId, retiredAt: null } });
    if (active > 0) throw new AppError("INVALID_STATE", `该单位下还有 ${active} 个未停用的单位，请先停用或移走它们。`);
    const retiredAt = new Date();
    const changed = await tx.organization.updateMany({ where: { id: unitId, retiredAt: null }, data: { retiredAt } });
    if (changed.count === 0) throw new AppError("INVALID_STATE", "该单位已停用。");
    await auditUnitEvent(tx, actor, "unit.retire", unitId, { retiredAt: retiredAt.toISOString() });
    return { retiredAt: retiredAt.toISOString() };
  });
}
