import "server-only";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { unitProblems, type PlacedUnit } from "./unit-checks";
import type { NewUnitInput } from "./unit-input";
import {
  auditUnitEvent,
  fieldProblemsError,
  isUniqueViolation,
  loadPlacingParent,
  loadUnitContext,
  lockUnitTree,
  unitDetail,
} from "./unit-store";

/**
 * A new township, town, subdistrict or department under a parent the actor administers (a
 * county administrator: anywhere in its county). Its fields are checked where it goes —
 * kind under the parent, 行政区划代码 under the parent's, codes and name free — inside the
 * transaction that creates it, under the tree lock, and audited as unit.create.
 */
export const createUnit = defineOperation({
  name: "createUnit",
  action: "unit.create",
  authorize: async (actor: Actor, input: NewUnitInput) => loadPlacingParent(actor, input.parentId),
  run: (_parent, actor, input) => insertUnit(actor, input, "unit.create"),
});

/** What a new unit is made of: a county's parent is null, its kind COUNTY. */
type NewUnit = Omit<PlacedUnit, "id"> & { parentId: string | null };

/**
 * Creates the unit under the tree lock once its fields pass unitProblems, audited as
 * `auditAction` with the fields stored.
 */
export async function insertUnit(
  actor: Actor,
  unit: NewUnit,
  auditAction: "unit.create" | "county.create",
): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      await lockUnitTree(tx);
      const problems = unitProblems({ id: null, ...unit }, await loadUnitContext(tx, unit));
      if (Object.keys(problems).length > 0) throw fieldProblemsError(problems);
      const created = await tx.organization.create({
        data: {
          name: unit.name,
          kind: unit.kind,
          parentId: unit.parentId,
          divisionCode: unit.divisionCode || null,
          creditCode: unit.creditCode || null,
        },
        select: { id: true, name: true, kind: true, parentId: true, divisionCode: true, creditCode: true },
      });
      await auditUnitEvent(tx, actor, auditAction, created.id, unitDetail(created));
      return { id: created.id };
    });
  } catch (error) {
    // Only a writer outside the lock (a script) could get here first.
    if (isUniqueViolation(error)) throw fieldProblemsError({ divisionCode: "代码已被其他单位使用，请刷新后核对。" });
    throw error;
  }
}
