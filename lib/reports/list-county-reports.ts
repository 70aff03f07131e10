import "server-only";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";

/** Every organization of a county (the county itself first) with its report for `year`, if any. */
export async function listCountyReports(actor: Actor, countyId: string, year: number) {
  authorize(actor, "review.queue", await loadOrganizationScope(countyId));
  const organizations = await db.organization.findMany({
    where: { OR: [{ id: countyId }, { parentId: countyId }] },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      reports: {
        where: { year },
        select: { id: true, status: true, version: true, updatedAt: true, submittedAt: true },
      },
    },
  });
  return organizations.map(({ reports, ...organization }) => ({ organization, report: reports[0] ?? null }));
}
