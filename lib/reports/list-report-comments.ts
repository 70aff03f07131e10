import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/workflow/policy";
import { getReport } from "./get-report";

export type ReportComment = {
  id: string;
  /** A comment target string, see lib/workflow/comment-target.ts. */
  target: string;
  body: string;
  authorName: string | null;
  reportVersion: number;
  createdAt: Date;
  resolvedAt: Date | null;
};

/** The review comments on a report, oldest first; whoever may read the report sees them. */
export async function listReportComments(actor: Actor, reportId: string): Promise<ReportComment[]> {
  await getReport(actor, reportId);
  const rows = await db.reviewComment.findMany({
    where: { reportId },
    orderBy: { createdAt: "asc" },
    select: { id: true, target: true, body: true, reportVersion: true, createdAt: true, resolvedAt: true, author: { select: { name: true } } },
  });
  return rows.map(({ author, ...comment }) => ({ ...comment, authorName: author?.name ?? null }));
}
