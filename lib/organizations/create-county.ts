import "server-only";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { unitProblems } from "./unit-checks";
import type { NewCountyInput } from "./unit-input";
import {
  auditUnitEvent,
  fieldProblemsError,
  isUniqueViolation,
  loadUnitContext,
  lockUnitTree,
  unitDetail,
} from "./unit-store";

/** A new county (县、区、县级市) at the top of the tree: the system administrator's alone. */
export const createCounty = defineOperation({
  name: "createCounty",
  action: "county.manage",
  authorize: async (actor: Actor, _input: NewCountyInput) => authorize(actor, "county.manage", null),
  run: (_loaded, actor, input) => insertCounty(actor, input),
});

async function insertCounty(actor: Actor, input: NewCountyInput): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      await lockUnitTree(tx);
      const unit = { ...input, kind: "COUNTY" as const, parentId: null };
      const problems = unitProblems({ id: null, ...unit }, await loadUnitContext(tx, unit));
      if (Object.keys(problems).length > 0) throw fieldProblemsError(problems);
      const created = await tx.organization.create({
        data: { ...unit, divisionCode: input.divisionCode || null, creditCode: input.creditCode || null },
        select: { id: true, name: true, kind: true, parentId: true, divisionCode: true, creditCode: true },
      });
      await auditUnitEvent(tx, actor, "county.create", created.id, unitDetail(created));
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldProblemsError({ divisionCode: "代码已被其他单位使用，请刷新后核对。" });
    throw error;
  }
}
