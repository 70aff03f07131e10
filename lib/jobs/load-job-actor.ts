import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/workflow/policy";
import { isRole } from "@/lib/workflow/roles";

/**
 * The starter of a job as they are now, read when the job body runs: a role or unit changed
 * since, or a disabled account (null, as signed out), is what the policy is asked about.
 * Mirrors lib/server/session.ts getCurrentUser, without a request.
 */
export async function loadJobActor(userId: string | null): Promise<Actor> {
  if (userId === null) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, organizationId: true, mustChangePassword: true, disabledAt: true },
  });
  if (!user || !isRole(user.role) || user.disabledAt) return null;
  return {
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}
