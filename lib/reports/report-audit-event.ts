import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/workflow/policy";

type EventFields = Pick<Prisma.AuditEventUncheckedCreateInput, "fromStatus" | "toStatus" | "comment" | "detail">;

/**
 * The audit event of an action on one organization (a reminder to a unit, a county's
 * setting), filed under it so 操作记录 filtered by the unit shows it.
 */
export function organizationAuditEvent(
  actor: Actor,
  action: string,
  organizationId: string,
  fields: EventFields = {},
): Prisma.AuditEventUncheckedCreateInput {
  return { action, actorId: actor?.userId ?? null, organizationId, ...fields };
}

/** The audit event of an action on one report, filed under the report's unit. */
export function reportAuditEvent(
  actor: Actor,
  action: string,
  report: { id: string; organizationId: string },
  fields: EventFields = {},
): Prisma.AuditEventUncheckedCreateInput {
  return { ...organizationAuditEvent(actor, action, report.organizationId, fields), reportId: report.id };
}
