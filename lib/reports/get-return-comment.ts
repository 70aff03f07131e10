import "server-only";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/workflow/policy";
import type { LoadedReport } from "./load-report";

export type ReturnComment = { comment: string; at: Date; reviewerName: string | null };

/**
 * Why the report was last sent back (the latest `report.return` audit event), for the clerk.
 * Takes the report the page already loaded (getReport), so it is not read again.
 */
export async function getReturnComment(actor: Actor, loaded: LoadedReport): Promise<ReturnComment | null> {
  authorize(actor, "report.read", loaded.subject);
  const event = await db.auditEvent.findFirst({
    where: { reportId: loaded.report.id, action: "report.return" },
    orderBy: { createdAt: "desc" },
    select: { comment: true, createdAt: true, actor: { select: { name: true } } },
  });
  if (!event?.comment) return null;
  return { comment: event.comment, at: event.createdAt, reviewerName: event.actor?.name ?? null };
}
