import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/**
 * A review comment of this report, or a refusal that names the problem. The id comes from
 * the page, so one of another report (or none at all) means a stale or forged page; it is
 * refused the same way either way, without saying whether such a comment exists elsewhere.
 */
export async function loadReportComment(reportId: string, commentId: string) {
  const comment = await db.reviewComment.findFirst({
    where: { id: commentId, reportId },
    select: { id: true, resolvedAt: true },
  });
  if (!comment) throw new AppError("INVALID_INPUT", "这条批注不在本报告中，请刷新页面后重试。");
  return comment;
}
