// Creates one sign-in account outside the app: the first system administrator
// (`npm run admin:create`), and the accounts the tests need (a county administrator for a
// county a browser journey has just created). The app's own account screens create the rest.
import { randomBytes, randomUUID } from "node:crypto";
import { usernameField } from "@/lib/account-data/account-fields";
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

/** The username as the app's account forms take it (lower case), or why it cannot be one. */
export function parseUsername(raw: string): { ok: true; username: string } | { ok: false; message: string } {
  const parsed = usernameField.safeParse(raw);
  return parsed.success
    ? { ok: true, username: parsed.data }
    : { ok: false, message: `用户名“${raw}”无效：${parsed.error.issues[0]?.message ?? "请换一个"}` };
}

/** A one-time password: 16 characters from a set without look-alikes (no 0/O, 1/l/I). */
export function oneTimePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

export async function createAccount(db: PrismaClient, account: NewAccount): Promise<{ id: string }> {
  const parsed = parseUsername(account.username);
  if (!parsed.ok) throw new Error(parsed.message);
  const id = randomUUID();
  const { username } = parsed;
  await db.user.create({
    data: {
      id,
      name: account.name,
      // The same placeholder address as the app's own accounts (lib/accounts/create-account.ts).
      email: `${id}@accounts.nianbao.invalid`,
      emailVerified: true,
      username,
      displayUsername: username,
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
