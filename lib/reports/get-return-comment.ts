import "server-only";
import { db } from "@/lib/server/db";
import type { AuthorizedReport } from "./authorize-report";

export type ReturnComment = { comment: string; at: Date; reviewerName: string | null };

/**
 * Why the report was last sent back (the latest `report.return` audit event), for the clerk.
 * Takes the report the caller was already allowed to read (an AuthorizedReport), so it is
 * neither read nor asked about again.
 */
export async function getReturnComment(loaded: AuthorizedReport): Promise<ReturnComment | null> {
  const event = await db.auditEvent.findFirst({
    where: { reportId: loaded.report.id, action: "report.return" },
    orderBy: { createdAt: "desc" },
    select: { comment: true, createdAt: true, actor: { select: { name: true } } },
  });
  if (!event?.comment) return null;
  return { comment: event.comment, at: event.createdAt, reviewerName: event.actor?.name ?? null };
}
