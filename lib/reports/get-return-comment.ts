import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/workflow/policy";
import { getReport } from "./get-report";

export type ReturnComment = { comment: string; at: Date; reviewerName: string | null };

/** Why the report was last sent back (the latest `report.return` audit event), for the clerk. */
export async function getReturnComment(actor: Actor, reportId: string): Promise<ReturnComment | null> {
  await getReport(actor, reportId);
  const event = await db.auditEvent.findFirst({
    where: { reportId, action: "report.return" },
    orderBy: { createdAt: "desc" },
    select: { comment: true, createdAt: true, actor: { select: { name: true } } },
  });
  if (!event?.comment) return null;
  return { comment: event.comment, at: event.createdAt, reviewerName: event.actor?.name ?? null };
}
