import "server-only";
import { credentialAccountFor, endSessions, setCredentialPassword } from "@/lib/server/credentials";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { hashPassword } from "@/lib/server/password";
import type { Actor } from "@/lib/workflow/policy";
import { accountAuditEvent } from "./account-audit";
import { authorizeAccountTarget } from "./account-target";
import { generateInitialPassword } from "./initial-password";

/**
 * Gives an account a new initial password (answered once, never stored): its sessions end at
 * once, and its next sign-in asks for a password of the user's own.
 */
export const resetPassword = defineOperation({
  name: "resetPassword",
  action: "account.manage",
  authorize: (actor: Actor, userId: string) => authorizeAccountTarget(actor, userId),
  run: async (target, actor) => {
    const initialPassword = generateInitialPassword();
    const passwordHash = await hashPassword(initialPassword);
    await db.$transaction(async (tx) => {
      // An account made without a password (none are, but the seed could) gets its credential now.
      if (!(await setCredentialPassword(tx, target.id, passwordHash)))
        await tx.account.create({ data: { ...credentialAccountFor(target.id, passwordHash), userId: target.id } });
      await tx.user.update({ where: { id: target.id }, data: { mustChangePassword: true } });
      await endSessions(tx, target.id);
      await tx.auditEvent.create({ data: accountAuditEvent(actor, "account.resetPassword", target) });
    });
    return { id: target.id, username: target.username, name: target.name, initialPassword };
  },
});
