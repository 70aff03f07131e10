import "server-only";
import { changingPublicSite } from "@/lib/publications/public-answers";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import { MAX_ORGANIZATION_DEPTH, type Actor } from "@/lib/workflow/policy";
import { unitProblems } from "./unit-checks";
import type { UnitMoveInput } from "./unit-input";
import {
  auditUnitEvent,
  fieldProblemsError,
  loadManagedUnit,
  loadPlacingParent,
  loadUnitContext,
  lockUnitTree,
  type Tx,
} from "./unit-store";

/**
 * Puts a unit under another parent, both within what the actor administers (a county
 * administrator cannot move a unit out of its county, nor one in from elsewhere). Under the
 * tree lock, the new parent's ancestors are read again inside the transaction, so a unit is
 * never moved under itself or one of its own units, however two moves interleave. The unit's
 * kind and 行政区划代码 must fit under the new parent. Audited as unit.move.
 */
export const moveUnit = defineOperation({
  name: "moveUnit",
  action: "unit.manage",
  authorize: async (actor: Actor, input: UnitMoveInput) => {
    const unit = await loadManagedUnit(actor, input.unitId);
    await loadPlacingParent(actor, input.parentId);
    return unit;
  },
  // The public documents and the catalogue show units' names and places.
  run: (unit, actor, input) => changingPublicSite(relocate(actor, unit.id, input.parentId)),
});

/** The organization and every organization above it, read inside the transaction. */
async function chainOf(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, "parentId", 0 AS depth FROM "Organization" WHERE id = ${organizationId}::uuid
      UNION ALL
      SELECT o.id, o."parentId", c.depth + 1 FROM "Organization" o JOIN chain c ON o.id = c."parentId"
      WHERE c.depth < ${MAX_ORGANIZATION_DEPTH + 1}
    )
    SELECT id::text FROM chain`;
  return rows.map((row) => row.id);
}

async function relocate(actor: Actor, unitId: string, parentId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockUnitTree(tx);
    const unit = await tx.organization.findUniqueOrThrow({
      where: { id: unitId },
      select: { id: true, name: true, kind: true, parentId: true, divisionCode: true, creditCode: true },
    });
    if (unit.parentId === parentId) return;
    const chain = await chainOf(tx, parentId);
    if (chain.includes(unitId))
      throw fieldProblemsError({ parentId: "不能把单位移到它自己或它的下级单位之下，请选择其他上级单位" });
    if (chain.length >= MAX_ORGANIZATION_DEPTH)
      throw fieldProblemsError({ parentId: `单位层级不能超过 ${MAX_ORGANIZATION_DEPTH} 级` });
    const fields = {
      name: unit.name,
      kind: unit.kind,
      divisionCode: unit.divisionCode ?? "",
      creditCode: unit.creditCode ?? "",
    };
    const problems = unitProblems({ id: unit.id, ...fields }, await loadUnitContext(tx, { ...fields, parentId }));
    if (problems.kind) problems.parentId = problems.kind;
    if (problems.divisionCode) problems.parentId = `${problems.divisionCode}；请先修改本单位的行政区划代码，再移动`;
    if (problems.name) problems.parentId = problems.name;
    const shown = problems.parentId ? { parentId: problems.parentId } : {};
    if (Object.keys(shown).length > 0) throw fieldProblemsError(shown);
    const moved = await tx.organization.updateMany({
      where: { id: unitId, parentId: unit.parentId },
      data: { parentId },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "该单位刚被他人移动过，请刷新页面后重试。");
    await auditUnitEvent(tx, actor, "unit.move", unitId, { fromParentId: unit.parentId, toParentId: parentId });
  });
}
