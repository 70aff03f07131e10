import "server-only";
import { db } from "@/lib/server/db";
import { transitions } from "@/lib/workflow/transitions";
import type { AuthorizedReport } from "./authorize-report";

/** Why the report is back with the clerk: a return (退回修改) or a correction of the published report (发起更正). */
export type ReturnComment = {
  kind: "return" | "correction";
  comment: string;
  at: Date;
  reviewerName: string | null;
};

const sendBackActions = {
  [transitions.return.audit]: "return",
  [transitions.reopenForCorrection.audit]: "correction",
} as const;

/**
 * Why the report was last sent back, for the clerk: the latest of the return and the
 * reopen-for-correction audit events, so a report reopened for a correction shows the
 * correction's reason, not the note of a return before it was published.
 * Takes the report the caller was already allowed to read (an AuthorizedReport), so it is
 * neither read nor asked about again.
 */
export async function getReturnComment(loaded: AuthorizedReport): Promise<ReturnComment | null> {
  const event = await db.auditEvent.findFirst({
    where: { reportId: loaded.report.id, action: { in: Object.keys(sendBackActions) } },
    orderBy: { createdAt: "desc" },
    select: { action: true, comment: true, createdAt: true, actor: { select: { name: true } } },
  });
  if (!event?.comment) return null;
  return {
    kind: sendBackActions[event.action as keyof typeof sendBackActions],
    comment: event.comment,
    at: event.createdAt,
    reviewerName: event.actor?.name ?? null,
  };
}
