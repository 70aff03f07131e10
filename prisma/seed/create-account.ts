// Creates one sign-in account outside the app: the first system administrator
// (`npm run admin:create`), and the accounts the tests need (a county administrator for a
// county a browser journey has just created). The app's own account screens create the rest.
import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/server/password";

export type NewAccount = {
  username: string;
  name: string;
  role: "CLERK" | "REVIEWER" | "COUNTY_ADMIN" | "ADMIN";
  organizationId: string | null;
  password: string;
  /** The next sign-in must choose a new password (a one-time password was handed out). */
  mustChangePassword: boolean;
};

/** Usernames as the sign-in form takes them (lib/server/auth.ts: the username plugin's rule). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/i;

/** A one-time password: 16 characters from a set without look-alikes (no 0/O, 1/l/I). */
export function oneTimePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

export async function createAccount(db: PrismaClient, account: NewAccount): Promise<{ id: string }> {
  if (!USERNAME_PATTERN.test(account.username))
    throw new Error(`用户名“${account.username}”无效：3–40 位字母、数字、点、下划线或连字符，以字母或数字开头`);
  const id = randomUUID();
  const username = account.username.toLowerCase();
  await db.user.create({
    data: {
      id,
      name: account.name,
      email: `${username}@accounts.nianbao.invalid`,
      emailVerified: true,
      username,
      displayUsername: account.username,
      role: account.role,
      organizationId: account.organizationId,
      mustChangePassword: account.mustChangePassword,
      // Better Auth's credential account: providerId "credential", accountId = user id.
      accounts: {
        create: {
          id: randomUUID(),
          accountId: id,
          providerId: "credential",
          password: await hashPassword(account.password),
        },
      },
    },
  });
  return { id };
}
