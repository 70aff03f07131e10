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
};

/**
 * The signed-in user for this request, or null. Cached per request. The role and
 * organization are re-read from the database, not trusted from the session payload, so a
 * changed role takes effect at once.
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
      organization: { select: { name: true } },
    },
  });
  if (!user || !isRole(user.role)) return null;
  return {
    id: user.id,
    name: user.name,
    username: user.username ?? "",
    role: user.role,
    organizationId: user.organizationId,
    organizationName: user.organization?.name ?? null,
  };
});

export function toActor(user: SignedInUser | null): Actor {
  return user ? { userId: user.id, role: user.role, organizationId: user.organizationId } : null;
}

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  return role === "CLERK" ? "/clerk" : role === "REVIEWER" ? "/review" : "/admin";
}
