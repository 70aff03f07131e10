import "server-only";
import { z } from "zod";
import { countyReportModes, type CountyReportMode } from "@/lib/report-data";
import { authorizeCounty } from "@/lib/organizations/authorize-county";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { organizationAuditEvent } from "./report-audit-event";

export const countyReportModeInput = z.strictObject({
  countyId: z.uuid({ error: "所选县（区）无效，请刷新页面后重试" }),
  mode: z.enum(countyReportModes, { error: "请选择县政府报告的填报方式" }),
});

/**
 * Chooses how the county government's own report fills its tables: 本级 or 全县 (the sum of
 * its units). The county's own administrator or the system administrator; audited with the
 * mode before and after.
 */
export const setCountyReportMode = defineOperation({
  name: "setCountyReportMode",
  action: "county.configure",
  authorize: (actor: Actor, input: { countyId: string; mode: CountyReportMode }) =>
    authorizeCounty(actor, "county.configure", input.countyId, "填报方式只能为县（区）设置。"),
  run: async (countyId, actor, input) => {
    await db.$transaction(async (tx) => {
      const before = await tx.organization.findUniqueOrThrow({
        where: { id: countyId },
        select: { countyReportMode: true },
      });
      await tx.organization.update({ where: { id: countyId }, data: { countyReportMode: input.mode } });
      await tx.auditEvent.create({
        data: organizationAuditEvent(actor, "county.setReportMode", countyId, {
          detail: { before: before.countyReportMode, after: input.mode },
        }),
      });
    });
    return { mode: input.mode };
  },
});
