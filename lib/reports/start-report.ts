import "server-only";
import { blankReportData, toStoredReportData } from "@/lib/report-data";
import { layoutForYear } from "@/lib/template";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";

/**
 * Opens the organization's report for `year`, creating it on first use. Idempotent: a
 * double click or two tabs get the same report (the (organization, year) key is unique).
 */
export const startReport = defineOperation({
  name: "startReport",
  action: "report.create",
  authorize: async (actor: Actor, organizationId: string | null, _year: number) => {
    authorize(actor, "report.create", { organizationId });
    // The policy allows only the organization's own clerk, so there is an organization.
    return organizationId!;
  },
  run: (organizationId, actor, _organizationId, year) => openReport(actor, organizationId, year),
});

async function openReport(actor: Actor, organizationId: string, year: number): Promise<{ id: string }> {
  const layout = layoutForYear(year);
  if (!layout) throw new AppError("INVALID_INPUT", `暂不支持 ${year} 年度的报告格式。`);
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true },
  });
  const data = toStoredReportData(blankReportData(layout, organization.name, year));
  const report = await db.report.upsert({
    where: { organizationId_year: { organizationId, year } },
    update: {},
    create: {
      organizationId,
      year,
      templateId: layout.id,
      templateVersion: layout.version,
      data,
      revisions: { create: { version: 1, status: "DRAFT", data, authorId: actor?.userId ?? null } },
      auditEvents: {
        create: { action: "report.start", actorId: actor?.userId ?? null, organizationId, toStatus: "DRAFT" },
      },
    },
    select: { id: true },
  });
  return report;
}
