import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";

// Better Auth's credential account, as its email-and-password sign-in reads it: one `account`
// row per user with providerId "credential", accountId = the user's id, and the argon2id
// hash of lib/server/password.ts (the hash Better Auth is configured with). Sessions are rows
// of `session` (no secondary storage, no cookie cache: Better Auth reads the row on every
// request), so deleting them ends them at once.
//
// Account administration writes these rows here, inside the same transaction as the user row
// and its audit event, rather than through Better Auth's admin plugin: the plugin's
// endpoints authorize with a role model of their own against the caller's session (a second
// policy beside lib/workflow/policy.ts), and one endpoint per step could not be undone
// together when a later step fails (a bulk import changes nothing unless every row is good).

/** The nested create of a new user's credential account. */
export function credentialAccountFor(userId: string, passwordHash: string) {
  return { id: randomUUID(), accountId: userId, providerId: "credential", password: passwordHash };
}

/** The credential account of many new users at once (a bulk import). */
export function credentialAccountRows(users: readonly { userId: string; passwordHash: string }[]) {
  return users.map(({ userId, passwordHash }) => ({ ...credentialAccountFor(userId, passwordHash), userId }));
}

/** Replaces a user's password hash; false when the user has no credential account. */
export async function setCredentialPassword(
  tx: Prisma.TransactionClient,
  userId: string,
  passwordHash: string,
): Promise<boolean> {
  const { count } = await tx.account.updateMany({
    where: { userId, providerId: "credential", accountId: userId },
    data: { password: passwordHash },
  });
  return count > 0;
}

/** The stored hash of a user's password, to check the current one when they change it. */
export async function credentialPasswordHash(userId: string): Promise<string | null> {
  const account = await db.account.findFirst({
    where: { userId, providerId: "credential", accountId: userId },
    select: { password: true },
  });
  return account?.password ?? null;
}

/** Ends a user's sessions at once, all of them or all but `keepSessionId` (the one making the change). */
export async function endSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  keepSessionId?: string,
): Promise<number> {
  const { count } = await tx.session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  return count;
}
