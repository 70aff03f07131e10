import "server-only";
import { endSessions } from "@/lib/server/credentials";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { accountAuditEvent } from "./account-audit";
import { authorizeAccountTarget } from "./account-target";

/**
 * Disables an account: its sessions end at once and it cannot sign in until enabled again
 * (lib/server/auth.ts refuses it a session, lib/server/session.ts any that survived).
 * Disabling a disabled account changes nothing.
 */
export const disableAccount = defineOperation({
  name: "disableAccount",
  action: "account.manage",
  authorize: (actor: Actor, userId: string) => authorizeAccountTarget(actor, userId),
  run: async (target, actor) => {
    await db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: target.id, disabledAt: null },
        data: { disabledAt: new Date() },
      });
      await endSessions(tx, target.id);
      if (count > 0) await tx.auditEvent.create({ data: accountAuditEvent(actor, "account.disable", target) });
    });
    return { id: target.id };
  },
});
