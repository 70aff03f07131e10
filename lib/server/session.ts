import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import type { Actor, Role } from "@/lib/workflow/policy";
import { isRole } from "@/lib/workflow/roles";
import { auth } from "./auth";
import { db } from "./db";

export type SignedInUser = {
  id: string;
  name: string;
  username: string;
  role: Role;
  organizationId: string | null;
  organizationName: string | null;
  /** A new or reset account: every page sends its user to choose a password first. */
  mustChangePassword: boolean;
  /** This request's session, kept when the user changes their own password (the others end). */
  sessionId: string;
};

/**
 * The signed-in user for this request, or null. Cached per request. The role, organization,
 * disabled state and whether a new password is due are re-read from the database, not
 * trusted from the session payload, so a change an administrator makes takes effect on the
 * user's next request, and a disabled account's session (ended when it was disabled) is
 * refused even if one survived.
 */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: {
      id: true,
      name: true,
      username: true,
      role: true,
      organizationId: true,
      mustChangePassword: true,
      disabledAt: true,
      organization: { select: { name: true } },
    },
  });
  if (!user || !isRole(user.role) || user.disabledAt) return null;
  return {
    id: user.id,
    name: user.name,
    username: user.username ?? "",
    role: user.role,
    organizationId: user.organizationId,
    organizationName: user.organization?.name ?? null,
    mustChangePassword: user.mustChangePassword,
    sessionId: session.session.id,
  };
});

export function toActor(user: SignedInUser | null): Actor {
  if (!user) return null;
  return {
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  return role === "CLERK" ? "/clerk" : role === "REVIEWER" ? "/review" : "/admin";
}

/** The page to choose a password on (a new or reset account lands there first). */
export const PASSWORD_PAGE = "/account/password";

/** Where this user lands: the password page while a new password is due, else the role's home. */
export function homePathForUser(user: { role: Role; mustChangePassword: boolean }): string {
  return user.mustChangePassword ? PASSWORD_PAGE : homePathFor(user.role);
}
