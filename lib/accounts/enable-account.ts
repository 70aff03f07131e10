import "server-only";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { accountAuditEvent } from "./account-audit";
import { authorizeAccountTarget } from "./account-target";

/** Enables a disabled account again (its password is the one it had). Enabling an enabled one changes nothing. */
export const enableAccount = defineOperation({
  name: "enableAccount",
  action: "account.manage",
  authorize: (actor: Actor, userId: string) => authorizeAccountTarget(actor, userId),
  run: async (target, actor) => {
    await db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: target.id, disabledAt: { not: null } },
        data: { disabledAt: null },
      });
      if (count > 0) await tx.auditEvent.create({ data: accountAuditEvent(actor, "account.enable", target) });
    });
    return { id: target.id };
  },
});
