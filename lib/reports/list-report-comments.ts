import "server-only";
import { db } from "@/lib/server/db";
import type { ReportComment } from "@/lib/review/report-comment";
import type { AuthorizedReport } from "./authorize-report";

export type { ReportComment };

/**
 * The review comments on a report, oldest first; whoever may read the report sees them.
 * Takes the report the caller was already allowed to read (an AuthorizedReport), so it is
 * neither read nor asked about again. `since`: only those written after that time.
 */
export async function listReportComments(
  loaded: AuthorizedReport,
  options: { since?: Date } = {},
): Promise<ReportComment[]> {
  const rows = await db.reviewComment.findMany({
    where: { reportId: loaded.report.id, ...(options.since ? { createdAt: { gt: options.since } } : {}) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      target: true,
      body: true,
      reportVersion: true,
      createdAt: true,
      resolvedAt: true,
      reply: true,
      repliedAt: true,
      author: { select: { name: true } },
    },
  });
  return rows.map(({ author, ...comment }) => ({ ...comment, authorName: author?.name ?? null }));
}
