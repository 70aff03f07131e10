import "server-only";
import { randomUUID } from "node:crypto";
import type { CreateAccountInput } from "@/lib/account-data/account-fields";
import { credentialAccountFor } from "@/lib/server/credentials";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { hashPassword } from "@/lib/server/password";
import type { Actor } from "@/lib/workflow/policy";
import { accountAuditEvent } from "./account-audit";
import { authorizeAccountPlacement, checkPlacement, fieldError, isUniqueViolation } from "./account-target";
import { generateInitialPassword } from "./initial-password";

export type CreatedAccount = { id: string; username: string; name: string; initialPassword: string };

/** The address Better Auth requires of every user; accounts sign in by username, never by e-mail. */
export function placeholderEmail(userId: string): string {
  return `${userId}@accounts.nianbao.invalid`;
}

/**
 * Creates one account with an initial password, which is answered once and never stored
 * (only its hash): the user must choose their own at first sign-in. The policy decides who
 * may give which role in which unit (account.manage); the account, its credential and the
 * audit event are written together.
 */
export const createAccount = defineOperation({
  name: "createAccount",
  action: "account.manage",
  authorize: (actor: Actor, input: CreateAccountInput) =>
    authorizeAccountPlacement(actor, { organizationId: input.organizationId, role: input.role }),
  run: async ({ unit }, actor, input): Promise<CreatedAccount> => {
    checkPlacement(input.role, unit);
    const taken = await db.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (taken) throw usernameTaken(input.username);
    const initialPassword = generateInitialPassword();
    const passwordHash = await hashPassword(initialPassword);
    const id = randomUUID();
    try {
      await db.$transaction(async (tx) => {
        await tx.user.create({
          data: {
            id,
            name: input.name,
            email: placeholderEmail(id),
            username: input.username,
            displayUsername: input.username,
            role: input.role,
            phone: input.phone,
            organizationId: unit?.organizationId ?? null,
            mustChangePassword: true,
            accounts: { create: credentialAccountFor(id, passwordHash) },
          },
        });
        await tx.auditEvent.create({
          data: accountAuditEvent(
            actor,
            "account.create",
            { id, organizationId: unit?.organizationId ?? null },
            {
              username: input.username,
              role: input.role,
            },
          ),
        });
      });
    } catch (error) {
      // Two administrators taking the same username at once: the unique index decides.
      if (isUniqueViolation(error)) throw usernameTaken(input.username);
      throw error;
    }
    return { id, username: input.username, name: input.name, initialPassword };
  },
});

export function usernameTaken(username: string) {
  return fieldError("username", `用户名 ${username} 已被使用，请换一个`);
}
