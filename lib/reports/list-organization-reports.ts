import "server-only";
import type { Actor } from "@/lib/workflow/policy";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { loadOrganizationScope } from "@/lib/server/organization-scope";

/** The reports of one organization, newest year first. */
export const listOrganizationReports = defineOperation({
  name: "listOrganizationReports",
  action: "organization.read",
  authorize: async (actor: Actor, organizationId: string | null) => {
    if (organizationId === null) throw notFoundFor(actor);
    authorize(actor, "organization.read", await loadOrganizationScope(organizationId));
    return organizationId;
  },
  run: (organizationId) =>
    db.report.findMany({
      where: { organizationId },
      orderBy: { year: "desc" },
      select: { id: true, year: true, status: true, version: true, updatedAt: true, templateId: true },
    }),
});
