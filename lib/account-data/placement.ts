// Where an account may belong, after the policy said the actor may place it there.
// Universal: the forms and the import check rows with the same words.
import type { Role } from "@/lib/workflow/roles";

/**
 * A system administrator belongs to no unit, everyone else to one that is not retired;
 * reviewers and county administrators to a county (their reach is the county's subtree).
 * The problem, or null.
 */
export function placementProblem(role: Role, unit: { kind: string; isRetired: boolean } | null): string | null {
  if (role === "ADMIN") return unit ? "系统管理员不属于任何单位，请不要选择单位" : null;
  if (!unit) return "请选择单位";
  if (unit.isRetired) return "该单位已停用，不能再为它设置账号";
  if ((role === "REVIEWER" || role === "COUNTY_ADMIN") && unit.kind !== "COUNTY")
    return "审核人员和县级管理员须属于县（区）本级";
  return null;
}
