import "server-only";
import { changingPublicSite } from "@/lib/publications/public-answers";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { placementProblem } from "./unit-kinds";
import { unitProblems } from "./unit-checks";
import type { UnitUpdateInput } from "./unit-input";
import {
  auditUnitEvent,
  fieldProblemsError,
  isUniqueViolation,
  loadManagedUnit,
  loadUnitContext,
  lockUnitTree,
  unitDetail,
  unitSelect,
  type UnitRow,
} from "./unit-store";

/**
 * Renames a unit or changes its kind or codes, where it stands. The form carries when it was
 * loaded: a unit changed since (another administrator, another tab) is a conflict, not
 * overwritten. A kind its parent or its own units do not allow is refused at the field.
 * Audited as unit.update with the fields before and after.
 */
export const updateUnit = defineOperation({
  name: "updateUnit",
  action: "unit.manage",
  authorize: async (actor: Actor, input: UnitUpdateInput) => loadManagedUnit(actor, input.unitId),
  // The public documents and the catalogue show units' names and places.
  run: (unit, actor, input) => changingPublicSite(saveUnit(actor, unit, input)),
});

async function saveUnit(actor: Actor, unit: UnitRow, input: UnitUpdateInput): Promise<{ updatedAt: string }> {
  try {
    return await db.$transaction(async (tx) => {
      await lockUnitTree(tx);
      const current = await tx.organization.findUniqueOrThrow({ where: { id: unit.id }, select: unitSelect });
      if (current.updatedAt.toISOString() !== new Date(input.expectedUpdatedAt).toISOString())
        throw new AppError("CONFLICT", "该单位刚被他人修改过，请刷新页面查看最新内容后再修改。");
      const fields = {
        name: input.name,
        kind: input.kind,
        divisionCode: input.divisionCode,
        creditCode: input.creditCode,
      };
      const problems = unitProblems(
        { id: unit.id, ...fields },
        await loadUnitContext(tx, { ...fields, parentId: current.parentId }),
      );
      if (!problems.kind && fields.kind !== current.kind) {
        const children = await tx.organization.findMany({ where: { parentId: unit.id }, select: { kind: true } });
        if (children.some((child) => placementProblem(child.kind, fields.kind)))
          problems.kind = "其下单位的类型不允许设在此类型之下，请先移走或调整下属单位";
      }
      if (Object.keys(problems).length > 0) throw fieldProblemsError(problems);
      const updated = await tx.organization.update({
        where: { id: unit.id },
        data: { ...fields, divisionCode: fields.divisionCode || null, creditCode: fields.creditCode || null },
        select: unitSelect,
      });
      await auditUnitEvent(tx, actor, "unit.update", unit.id, {
        before: unitDetail(current),
        after: unitDetail(updated),
      });
      return { updatedAt: updated.updatedAt.toISOString() };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldProblemsError({ divisionCode: "代码已被其他单位使用，请刷新后核对。" });
    throw error;
  }
}
