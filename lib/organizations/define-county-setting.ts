import "server-only";
import type { Organization } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { defineOperation, type Operation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeCounty } from "./authorize-county";
import { auditUnitEvent } from "./unit-store";

/** The settings a county keeps on its own row (its calendar has a table of its own). */
type CountySettings = Pick<Organization, "repetitionThresholdPercent" | "countyReportMode">;

/** Each setting's audit action, and the refusal of an organization that is no county. */
const settingTexts: Record<keyof CountySettings, { auditAction: string; notCountyMessage: string }> = {
  repetitionThresholdPercent: {
    auditAction: "county.setRepetitionThreshold",
    notCountyMessage: "雷同提示阈值只能为县（区）设置。",
  },
  countyReportMode: { auditAction: "county.setReportMode", notCountyMessage: "填报方式只能为县（区）设置。" },
};

/**
 * The operation `name` that sets `field` of a county to `valueOf(input)`: the county's own
 * administrator or the system administrator (county.configure); audited with the value
 * before and after.
 */
export function defineCountySetting<F extends keyof CountySettings, I extends { countyId: string }>(
  name: string,
  field: F,
  valueOf: (input: I) => CountySettings[F],
): Operation<[I], { before: CountySettings[F]; after: CountySettings[F] }> {
  const { auditAction, notCountyMessage } = settingTexts[field];
  return defineOperation({
    name,
    action: "county.configure",
    authorize: (actor: Actor, input: I) => authorizeCounty(actor, "county.configure", input.countyId, notCountyMessage),
    run: async (countyId, actor, input) => {
      const after = valueOf(input);
      const before = await db.$transaction(async (tx) => {
        const row = await tx.organization.findUniqueOrThrow({
          where: { id: countyId },
          select: { repetitionThresholdPercent: true, countyReportMode: true },
        });
        await tx.organization.update({ where: { id: countyId }, data: { [field]: after } });
        await auditUnitEvent(tx, actor, auditAction, countyId, { before: row[field], after });
        return row[field];
      });
      return { before, after };
    },
  });
}
