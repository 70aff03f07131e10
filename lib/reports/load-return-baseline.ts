import "server-only";
import { db } from "@/lib/server/db";

/**
 * The data as it was when the report was last sent back (return or reopen for correction):
 * the revision recorded by that transition. Reviewers never save drafts, so a RETURNED
 * revision written by a reviewer is such a snapshot. Null if the report was never returned.
 */
export async function loadReturnBaseline(
  reportId: string,
): Promise<{ version: number; data: unknown; createdAt: Date } | null> {
  return db.reportRevision.findFirst({
    where: { reportId, status: "RETURNED", author: { role: { in: ["REVIEWER", "ADMIN"] } } },
    orderBy: { version: "desc" },
    select: { version: true, data: true, createdAt: true },
  });
}
