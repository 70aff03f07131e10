import "server-only";
import { endSessions } from "@/lib/server/credentials";
import { db } from "@/lib/server/db";
import { defineOperation, type Operation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { accountAuditEvent } from "./account-audit";
import { authorizeAccountTarget } from "./account-target";

/**
 * Disabling or enabling an account. Only a real change is audited, so switching an account
 * to the state it is in changes nothing; disabling ends its sessions in the same transaction.
 */
export function defineAccountSwitch(name: string, to: "disabled" | "enabled"): Operation<[string], { id: string }> {
  return defineOperation({
    name,
    action: "account.manage",
    authorize: (actor: Actor, userId: string) => authorizeAccountTarget(actor, userId),
    run: async (target, actor) => {
      const disabling = to === "disabled";
      await db.$transaction(async (tx) => {
        const { count } = await tx.user.updateMany({
          where: { id: target.id, disabledAt: disabling ? null : { not: null } },
          data: { disabledAt: disabling ? new Date() : null },
        });
        if (disabling) await endSessions(tx, target.id);
        const action = disabling ? "account.disable" : "account.enable";
        if (count > 0) await tx.auditEvent.create({ data: accountAuditEvent(actor, action, target) });
      });
      return { id: target.id };
    },
  });
}
