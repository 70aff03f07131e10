import "server-only";
import { changingPublicSite } from "@/lib/publications/public-answers";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { auditUnitEvent, loadManagedUnit, lockUnitTree } from "./unit-store";

/** Takes back a retirement: the unit is in new seasons again. Its parent must be active. Audited as unit.restore. */
export const restoreUnit = defineOperation({
  name: "restoreUnit",
  action: "unit.manage",
  authorize: async (actor: Actor, input: { unitId: string }) => loadManagedUnit(actor, input.unitId),
  // The public documents and the catalogue show units' names and places.
  run: (unit, actor) => changingPublicSite(restore(actor, unit.id)),
});

async function restore(actor: Actor, unitId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockUnitTree(tx);
    const unit = await tx.organization.findUniqueOrThrow({
      where: { id: unitId },
      select: { retiredAt: true, parent: { select: { name: true, retiredAt: true } } },
    });
    if (!unit.retiredAt) throw new AppError("INVALID_STATE", "该单位未停用。");
    if (unit.parent?.retiredAt)
      throw new AppError("INVALID_STATE", `上级单位“${unit.parent.name}”已停用，请先恢复上级单位。`);
    await tx.organization.update({ where: { id: unitId }, data: { retiredAt: null } });
    await auditUnitEvent(tx, actor, "unit.restore", unitId, { retiredAt: unit.retiredAt.toISOString() });
  });
}
