import "server-only";
import type { Actor } from "@/lib/workflow/policy";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeOrganization } from "@/lib/server/organization-scope";

/** The reports of one organization, newest year first. */
export const listOrganizationReports = defineOperation({
  name: "listOrganizationReports",
  action: "organization.read",
  authorize: (actor: Actor, organizationId: string | null) =>
    authorizeOrganization(actor, "organization.read", organizationId),
  run: (organizationId) =>
    db.report.findMany({
      where: { organizationId },
      orderBy: { year: "desc" },
      select: { id: true, year: true, status: true, version: true, updatedAt: true, templateId: true },
    }),
});
