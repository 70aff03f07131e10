import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor, Role } from "@/lib/workflow/policy";
import { runWithAuthorizationCheck } from "./authorize";
import { isAppError } from "./errors";
import { getCurrentUser, homePathFor, toActor, type SignedInUser } from "./session";

/**
 * Loads a signed-in page's data inside an authorization check. Anonymous visitors go to the
 * sign-in page; a user of another role goes to their own home; anything the policy refuses
 * is a plain 404, the same as a missing page.
 */
export async function loadStaffPage<T>(
  path: string,
  roles: readonly Role[],
  load: (context: { user: SignedInUser; actor: Actor }) => Promise<T>,
): Promise<T & { user: SignedInUser }> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!roles.includes(user.role)) redirect(homePathFor(user.role));
  try {
    const data = await runWithAuthorizationCheck(`page ${path}`, () => load({ user, actor: toActor(user) }));
    return { ...data, user };
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    if (isAppError(error) && error.code === "UNAUTHENTICATED") redirect(`/login?next=${encodeURIComponent(path)}`);
    throw error;
  }
}
