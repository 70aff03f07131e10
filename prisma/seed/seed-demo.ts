// Loads the demo organizations and accounts. Idempotent: runs on every start and changes
// nothing the second time (organizations are matched by name under their parent, users by
// username; existing passwords are never reset; published seed reports by organization and year).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/server/password";
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, demoOrganizations, demoUsers } from "./demo-organizations";
import { seedPublishedReports } from "./seed-published-reports";

export type SeedDemoOptions = {
  /** Import the five seed reports as published reports (default). Database tests that
   *  assert over the whole public catalogue leave them out. */
  withPublishedReports?: boolean;
};

export async function seedDemo(
  db: PrismaClient,
  options: SeedDemoOptions = {},
): Promise<{ organizations: Map<string, string>; createdUsers: number; createdReports: number }> {
  const organizations = new Map<string, string>();
  for (const organization of demoOrganizations) {
    const parentId = organization.parentKey ? organizations.get(organization.parentKey) : undefined;
    if (organization.parentKey && !parentId)
      throw new Error(`seed: parent ${organization.parentKey} must come before ${organization.key}`);
    const existing = await db.organization.findFirst({
      where: { name: organization.name, parentId: parentId ?? null },
      select: { id: true },
    });
    const id =
      existing?.id ??
      (
        await db.organization.create({
          data: {
            name: organization.name,
            kind: organization.kind,
            parentId: parentId ?? null,
            divisionCode: organization.divisionCode ?? null,
          },
          select: { id: true },
        })
      ).id;
    organizations.set(organization.key, id);
  }

  let createdUsers = 0;
  // Hashed only when an account is missing: argon2 is deliberately slow, and a restart
  // creates no account.
  let passwordHash: string | undefined;
  for (const user of demoUsers) {
    const existing = await db.user.findUnique({ where: { username: user.username }, select: { id: true } });
    if (existing) continue;
    passwordHash ??= await hashPassword(DEMO_PASSWORD);
    const id = randomUUID();
    await db.user.create({
      data: {
        id,
        name: user.name,
        email: `${user.username}${DEMO_EMAIL_DOMAIN}`,
        emailVerified: true,
        username: user.username,
        displayUsername: user.username,
        role: user.role,
        organizationId: user.organizationKey ? (organizations.get(user.organizationKey) ?? null) : null,
        // Better Auth's credential account: providerId "credential", accountId = user id.
        accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: passwordHash } },
      },
    });
    createdUsers += 1;
  }

  // The seed reports as their bodies' published reports (rendered once, skipped on restart).
  const { created: createdReports } =
    options.withPublishedReports === false ? { created: 0 } : await seedPublishedReports(db, organizations);
  return { organizations, createdUsers, createdReports };
}
