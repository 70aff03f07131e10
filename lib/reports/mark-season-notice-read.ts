import "server-only";
import { z } from "zod";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";

export const markSeasonNoticeReadInput = z.strictObject({
  noticeId: z.uuid({ error: "通知编号无效" }),
});
export type MarkSeasonNoticeReadInput = z.infer<typeof markSeasonNoticeReadInput>;

/**
 * A clerk marks a reminder to their unit as read (for the unit: its other clerks see it read
 * too). A reminder to another unit is not found, the same as one that does not exist.
 * Marking it again changes nothing.
 */
export const markSeasonNoticeRead = defineOperation({
  name: "markSeasonNoticeRead",
  action: "notice.markRead",
  authorize: async (actor: Actor, input: MarkSeasonNoticeReadInput) => {
    const recipient = await db.seasonNoticeRecipient.findUnique({
      where: { id: input.noticeId },
      select: { id: true, organizationId: true },
    });
    if (!recipient) throw notFoundFor(actor);
    authorize(actor, "notice.markRead", await loadOrganizationScope(recipient.organizationId));
    return recipient;
  },
  run: async (recipient, actor) => {
    await db.seasonNoticeRecipient.updateMany({
      where: { id: recipient.id, readAt: null },
      data: { readAt: new Date(), readById: actor?.userId ?? null },
    });
    return { id: recipient.id };
  },
});
