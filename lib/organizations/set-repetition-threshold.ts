import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeCounty } from "./authorize-county";
import { auditUnitEvent } from "./unit-store";

export const repetitionThresholdInput = z.strictObject({
  countyId: z.uuid({ error: "所选县（区）无效，请刷新页面后重试" }),
  /** Null: the server's default (SIMILARITY_THRESHOLD_PERCENT). */
  percent: z
    .int({ error: "雷同提示阈值须为 1 至 100 之间的整数" })
    .min(1, { error: "雷同提示阈值须为 1 至 100 之间的整数" })
    .max(100, { error: "雷同提示阈值须为 1 至 100 之间的整数" })
    .nullable(),
});

/**
 * Sets the share (percent) above which a narrative part of the county's reports is called
 * copied (雷同), for its clerks' warnings and its reviewers' page; null returns to the
 * server's default. The county's own administrator or the system administrator, as for its
 * report mode; audited with the value before and after (null: the default).
 */
export const setRepetitionThreshold = defineOperation({
  name: "setRepetitionThreshold",
  action: "county.configure",
  authorize: (actor: Actor, input: z.infer<typeof repetitionThresholdInput>) =>
    authorizeCounty(actor, "county.configure", input.countyId, "雷同提示阈值只能为县（区）设置。"),
  run: async (countyId, actor, input) => {
    await db.$transaction(async (tx) => {
      const before = await tx.organization.findUniqueOrThrow({
        where: { id: countyId },
        select: { repetitionThresholdPercent: true },
      });
      await tx.organization.update({ where: { id: countyId }, data: { repetitionThresholdPercent: input.percent } });
      await auditUnitEvent(tx, actor, "county.setRepetitionThreshold", countyId, {
        before: before.repetitionThresholdPercent,
        after: input.percent,
      });
    });
    return { percent: input.percent };
  },
});
