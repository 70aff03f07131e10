import "server-only";
import { z } from "zod";
import { countyReportModes, type CountyReportMode } from "@/lib/report-data";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import { isUuid } from "@/lib/server/is-uuid";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";

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
  action: "county.setReportMode",
  authorize: async (actor: Actor, input: { countyId: string; mode: CountyReportMode }) => {
    const county = isUuid(input.countyId)
      ? await db.organization.findUnique({ where: { id: input.countyId }, select: { kind: true } })
      : null;
    if (!county) throw notFoundFor(actor);
    authorize(actor, "county.setReportMode", await loadOrganizationScope(input.countyId));
    if (county.kind !== "COUNTY") throw new AppError("INVALID_INPUT", "填报方式只能为县（区）设置。");
    return input.countyId;
  },
  run: async (countyId, actor, input) => {
    await db.$transaction(async (tx) => {
      const before = await tx.organization.findUniqueOrThrow({
        where: { id: countyId },
        select: { countyReportMode: true },
      });
      await tx.organization.update({ where: { id: countyId }, data: { countyReportMode: input.mode } });
      await tx.auditEvent.create({
        data: {
          action: "county.setReportMode",
          actorId: actor?.userId ?? null,
          organizationId: countyId,
          detail: { before: before.countyReportMode, after: input.mode },
        },
      });
    });
    return { mode: input.mode };
  },
});
