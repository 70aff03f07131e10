/**
 * Whether a unit's fields fit where it is put: its kind under its parent, its 行政区划代码
 * under the parent's, its codes and its name not taken by another unit, its parent not
 * retired. Pure: the single-unit operations give it what they loaded inside their
 * transaction, the import what it loaded once for the whole file. Answers problems by field,
 * in zh-CN. Universal.
 */
import type { OrganizationKind } from "@/lib/report-data";
import { divisionCodeProblem } from "./division-code";
import { placementProblem } from "./unit-kinds";
import { unitNameKey } from "./unit-name";

export type UnitField = "name" | "kind" | "parentId" | "divisionCode" | "creditCode";

export type PlacedUnit = {
  /** The unit itself when it exists (an edit), so it does not collide with itself. */
  id: string | null;
  name: string;
  kind: OrganizationKind;
  divisionCode: string;
  creditCode: string;
};

export type KnownUnit = { id: string; name: string; retiredAt: Date | null };

export type UnitContext = {
  parent: {
    id: string;
    name: string;
    kind: OrganizationKind;
    divisionCode: string | null;
    retiredAt: Date | null;
  } | null;
  /** Who holds a code now (any unit, retired ones included: codes stay with their unit). */
  divisionCodeOwner: (code: string) => KnownUnit | undefined;
  creditCodeOwner: (code: string) => KnownUnit | undefined;
  /** A unit under the same parent with this name key (unitNameKey). */
  siblingNamed: (nameKey: string) => KnownUnit | undefined;
};

const owned = (owner: KnownUnit) => `“${owner.name}”${owner.retiredAt ? "（已停用）" : ""}`;

export function unitProblems(unit: PlacedUnit, context: UnitContext): Partial<Record<UnitField, string>> {
  const problems: Partial<Record<UnitField, string>> = {};
  const { parent } = context;
  if (parent?.retiredAt) problems.parentId = `上级单位“${parent.name}”已停用，不能在其下设立单位`;
  const placement = placementProblem(unit.kind, parent?.kind ?? null);
  if (placement) problems[parent ? "kind" : "parentId"] = placement;
  const divisionProblem = divisionCodeProblem(unit.divisionCode, unit.kind, parent?.divisionCode ?? null);
  if (divisionProblem) problems.divisionCode = divisionProblem;
  else if (unit.divisionCode !== "") {
    const owner = context.divisionCodeOwner(unit.divisionCode);
    if (owner && owner.id !== unit.id)
      problems.divisionCode = `行政区划代码 ${unit.divisionCode} 已属于${owned(owner)}`;
  }
  if (unit.creditCode !== "") {
    const owner = context.creditCodeOwner(unit.creditCode);
    if (owner && owner.id !== unit.id)
      problems.creditCode = `统一社会信用代码 ${unit.creditCode} 已属于${owned(owner)}`;
  }
  const sibling = context.siblingNamed(unitNameKey(unit.name));
  if (sibling && sibling.id !== unit.id)
    problems.name = `${parent ? `“${parent.name}”下` : ""}已有名为${owned(sibling)}的单位`;
  return problems;
}
