import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The fields of a unit that its checks, the unit import and the unit tree read: one select,
 * so each of them loads the same unit. Holds no server code (a type-only import), so pure
 * code such as planUnitImport can name the type.
 */
export const unitFieldsSelect = {
  id: true,
  name: true,
  kind: true,
  parentId: true,
  divisionCode: true,
  creditCode: true,
  retiredAt: true,
} as const satisfies Prisma.OrganizationSelect;

export type UnitFields = Prisma.OrganizationGetPayload<{ select: typeof unitFieldsSelect }>;
