import "server-only";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/workflow/policy";
import type { LoadedReport } from "./load-report";

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

/**
 * The review comments on a report, oldest first; whoever may read the report sees them.
 * Takes the report the page already loaded (getReport), so it is not read again.
 */
export async function listReportComments(actor: Actor, loaded: LoadedReport): Promise<ReportComment[]> {
  authorize(actor, "report.read", loaded.subject);
  const rows = await db.reviewComment.findMany({
    where: { reportId: loaded.report.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      target: true,
      body: true,
      reportVersion: true,
      createdAt: true,
      resolvedAt: true,
      author: { select: { name: true } },
    },
  });
  return rows.map(({ author, ...comment }) => ({ ...comment, authorName: author?.name ?? null }));
}
