import "server-only";
import { db } from "@/lib/server/db";
import { transitions } from "@/lib/workflow/transitions";
import type { AuthorizedReport } from "./authorize-report";
import { listReportComments, type ReportComment } from "./list-report-comments";

/**
 * The review comments the clerk's wizard shows: those of the current round of review. A
 * published report reopened for a correction starts a new round, so the comments written
 * before it was published (all closed by publishing) stay on the review page's record but
 * no longer appear beside the clerk's figures.
 */
export async function listClerkComments(loaded: AuthorizedReport): Promise<ReportComment[]> {
  const reopened = await db.auditEvent.findFirst({
    where: { reportId: loaded.report.id, action: transitions.reopenForCorrection.audit },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return listReportComments(loaded, { since: reopened?.createdAt });
}
