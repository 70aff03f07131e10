import "server-only";
import { db } from "@/lib/server/db";
import { isUuid } from "@/lib/server/is-uuid";

/** The organization a trends URL names, with its county's name; null for an id that names none. */
export async function findTrendOrganization(organizationId: string) {
  if (!isUuid(organizationId)) return null;
  return db.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, name: true, kind: true, parent: { select: { name: true } } },
  });
}

export type TrendOrganizationRow = NonNullable<Awaited<ReturnType<typeof findTrendOrganization>>>;
