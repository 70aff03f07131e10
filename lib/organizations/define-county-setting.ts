import "server-only";
import type { Organization } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { defineOperation, type Operation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeCounty } from "./authorize-county";
import { auditUnitEvent } from "./unit-store";

/** The settings a county keeps on its own row (its calendar has a table of its own). */
type CountySettings = Pick<Organization, "repetitionThresholdPercent" | "countyReportMode">;

/**
 * The operation that changes one setting of a county: the county's own administrator or the
 * system administrator (county.configure); audited as `auditAction` with the value before and
 * after. An organization that is no county is refused with `notCountyMessage`.
 */
export function defineCountySetting<F extends keyof CountySettings, I extends { countyId: string }>(spec: {
  name: string;
  field: F;
  auditAction: string;
  notCountyMessage: string;
  value: (input: I) => CountySettings[F];
}): Operation<[I], { before: CountySettings[F]; after: CountySettings[F] }> {
  return defineOperation({
    name: spec.name,
    action: "county.configure",
    authorize: (actor: Actor, input: I) =>
      authorizeCounty(actor, "county.configure", input.countyId, spec.notCountyMessage),
    run: async (countyId, actor, input) => {
      const after = spec.value(input);
      const before = await db.$transaction(async (tx) => {
        const row = await tx.organization.findUniqueOrThrow({
          where: { id: countyId },
          select: { repetitionThresholdPercent: true, countyReportMode: true },
        });
        await tx.organization.update({ where: { id: countyId }, data: { [spec.field]: after } });
        await auditUnitEvent(tx, actor, spec.auditAction, countyId, { before: row[spec.field], after });
        return row[spec.field];
      });
      return { before, after };
    },
  });
}
