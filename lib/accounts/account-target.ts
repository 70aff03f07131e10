import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { isUuid } from "@/lib/server/is-uuid";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { AccountSubject, Actor, OrganizationScope, Role } from "@/lib/workflow/policy";
import { isRole } from "@/lib/workflow/roles";
import { placementProblem } from "@/lib/account-data/placement";
import { accountSelect } from "./account-select";

// Loading what an account operation acts on and asking the policy about it: the account as
// it is (reset, disable, enable, change) or as it would be (create, change).

export type AccountTarget = Omit<Prisma.UserGetPayload<{ select: typeof accountSelect }>, "role" | "username"> & {
  role: Role;
  username: string;
};

/** A unit an account would belong to, placed in the tree, or null when it does not exist. */
export type UnitPlace = OrganizationScope & { kind: string; name: string; isRetired: boolean };

async function loadUnit(organizationId: string): Promise<UnitPlace | null> {
  const unit = await db.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, name: true, kind: true, retiredAt: true },
  });
  if (!unit) return null;
  return {
    ...(await loadOrganizationScope(unit.id)),
    kind: unit.kind,
    name: unit.name,
    isRetired: unit.retiredAt !== null,
  };
}

/** The words of a refusal about a unit or an account the actor does not administer. */
const explainAccount = () => ({ message: "找不到该账号。" });
const explainUnit = () => ({ message: "找不到该单位，请从列表中选择。" });

/**
 * An existing account, after the policy allowed `account.manage` on it. Anyone but an
 * administrator is refused before the account is looked up, so ids cannot be probed; an
 * account outside the administered scope is not found, like one that does not exist.
 */
export async function authorizeAccountTarget(actor: Actor, userId: string): Promise<AccountTarget> {
  authorize(actor, "account.list", null);
  if (!isUuid(userId)) throw notFoundFor(actor);
  const target = await db.user.findUnique({ where: { id: userId }, select: accountSelect });
  if (!target || !isRole(target.role)) throw notFoundFor(actor);
  const unit = target.organizationId ? await loadOrganizationScope(target.organizationId) : null;
  authorize(actor, "account.manage", subjectOf(actor, target.id, unit, target.role), explainAccount);
  return { ...target, role: target.role, username: target.username ?? "" };
}

/**
 * An account as it would be (a new one, or an existing one moved or given another role),
 * after the policy allowed `account.manage` on that: the unit it would belong to, loaded.
 * `userId` is the existing account's, so the actor's own account is recognised.
 */
export async function authorizeAccountPlacement(
  actor: Actor,
  placement: { userId?: string; organizationId: string | null; role: Role },
): Promise<{ unit: UnitPlace | null }> {
  authorize(actor, "account.list", null);
  const unit = placement.organizationId ? await loadUnit(placement.organizationId) : null;
  // A unit id that does not exist is placed as a unit of its own, with no ancestors: outside
  // every county administrator's scope (not found) and, for a system administrator, a
  // field error below.
  const scope = placement.organizationId
    ? (unit ?? { organizationId: placement.organizationId, ancestorIds: [] })
    : null;
  authorize(actor, "account.manage", subjectOf(actor, placement.userId, scope, placement.role), explainUnit);
  if (placement.organizationId && !unit) throw fieldError("organizationId", "找不到该单位，请从列表中选择。");
  return { unit };
}

function subjectOf(
  actor: Actor,
  userId: string | undefined,
  unit: OrganizationScope | null,
  role: Role,
): AccountSubject {
  return {
    unit: unit ? { organizationId: unit.organizationId, ancestorIds: unit.ancestorIds } : null,
    role,
    isSelf: userId !== undefined && actor?.userId === userId,
  };
}

/** A refusal of one field's value, shown next to that field (and in the error summary). */
export function fieldError(field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { fieldErrors: { [field]: message } });
}

/** placementProblem as a refusal at the unit field. */
export function checkPlacement(role: Role, unit: UnitPlace | null): void {
  const problem = placementProblem(role, unit);
  if (problem) throw fieldError("organizationId", problem);
}

/** Whether a Prisma error is the unique username (or e-mail) being taken. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}
