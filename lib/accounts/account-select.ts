import type { Prisma } from "@/lib/generated/prisma/client";

/** An account as the list of accounts shows it: who, which role and unit, whether it is usable. */
export const accountListSelect = {
  id: true,
  username: true,
  name: true,
  role: true,
  phone: true,
  disabledAt: true,
  mustChangePassword: true,
  organization: { select: { name: true } },
} as const satisfies Prisma.UserSelect;

/** An account as its page and the operations on it read it: the list's fields and its unit's id. */
export const accountSelect = {
  ...accountListSelect,
  organizationId: true,
} as const satisfies Prisma.UserSelect;
