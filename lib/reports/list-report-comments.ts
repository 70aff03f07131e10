import "server-only";
import { db } from "@/lib/server/db";
import type { ReportComment } from "@/lib/review/report-comment";
import type { AuthorizedReport } from "./authorize-report";

export type { ReportComment };

/**
 * The review comments on a report, oldest first; whoever may read the report sees them.
 * Takes the report the caller was already allowed to read (an AuthorizedReport), so it is
 * neither read nor asked about again.
 */
export async function listReportComments(loaded: AuthorizedReport): Promise<ReportComment[]> {
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
