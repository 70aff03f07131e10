import "server-only";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";

/** The reports of one organization, newest year first. */
export async function listOrganizationReports(actor: Actor, organizationId: string) {
  authorize(actor, "organization.read", await loadOrganizationScope(organizationId));
  return db.report.findMany({
    where: { organizationId },
    orderBy: { year: "desc" },
    select: { id: true, year: true, status: true, version: true, updatedAt: true, templateId: true },
  });
}
