/**
 * What the unit forms send, parsed strictly (server actions are public endpoints): each field
 * read by the field rules of this folder, so a 10,000-character name or a name with control
 * characters gets the name's own message at the field. Universal: the forms use the same
 * schema for their first check.
 */
import { z } from "zod";
import { checkedText, organizationKinds, type OrganizationKind } from "@/lib/report-data";
import { creditCodeProblem, normalizeCreditCode } from "./credit-code";
import { normalizeDivisionCode } from "./division-code";
import { readUnitName } from "./unit-name";

const kinds = Object.keys(organizationKinds) as [OrganizationKind, ...OrganizationKind[]];

// Long enough to hold what a hostile form sends, so the field's own message answers it.
const text = checkedText(z.string({ error: "请填写此项" }).max(100_000, { error: "内容过长" }));

export const unitNameField = text.transform((raw, context) => {
  const read = readUnitName(raw);
  if (read.ok) return read.name;
  context.addIssue({ code: "custom", message: read.problem });
  return z.NEVER;
});

export const unitKindField = z.enum(kinds, { error: "请选择单位类型" });

export const divisionCodeField = text.transform((raw, context) => {
  const code = normalizeDivisionCode(raw);
  if (code.length > 12) context.addIssue({ code: "custom", message: "行政区划代码最多 12 位数字" });
  return code;
});

export const creditCodeField = text.transform((raw, context) => {
  const code = normalizeCreditCode(raw);
  const problem = code === "" ? null : creditCodeProblem(code);
  if (problem) context.addIssue({ code: "custom", message: problem });
  return code;
});

export const unitIdField = z.uuid({ error: "单位编号无效" });

/** A unit's own fields, as its form sends them for a new unit and for an existing one. */
const unitFields = {
  name: unitNameField,
  kind: unitKindField,
  divisionCode: divisionCodeField,
  creditCode: creditCodeField,
};

/** A new unit under a parent (a county is created without one, by the system administrator). */
export const newUnitInput = z.strictObject({ parentId: z.uuid({ error: "请选择上级单位" }), ...unitFields });
export type NewUnitInput = z.infer<typeof newUnitInput>;

export const newCountyInput = z.strictObject({
  name: unitNameField,
  divisionCode: divisionCodeField,
  creditCode: creditCodeField,
});
export type NewCountyInput = z.infer<typeof newCountyInput>;

/** A unit's fields as edited, with the moment the form was loaded (another edit since is a conflict). */
export const unitUpdateInput = z.strictObject({
  unitId: unitIdField,
  ...unitFields,
  expectedUpdatedAt: z.iso.datetime({ error: "页面已过期，请刷新后重试" }),
});
export type UnitUpdateInput = z.infer<typeof unitUpdateInput>;

export const unitMoveInput = z.strictObject({ unitId: unitIdField, parentId: z.uuid({ error: "请选择新的上级单位" }) });
export type UnitMoveInput = z.infer<typeof unitMoveInput>;

export const unitRefInput = z.strictObject({ unitId: unitIdField });
