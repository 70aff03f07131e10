import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/workflow/policy";

/** The audit event of an administrative action on one account (never a password). */
export function accountAuditEvent(
  actor: Actor,
  action: string,
  account: { id: string; organizationId: string | null },
  detail?: Prisma.InputJsonValue,
): Prisma.AuditEventUncheckedCreateInput {
  return {
    action,
    actorId: actor?.userId ?? null,
    subjectUserId: account.id,
    organizationId: account.organizationId,
    ...(detail === undefined ? {} : { detail }),
  };
}
