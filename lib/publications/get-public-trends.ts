import "server-only";
import { listTrendReports } from "@/lib/reports/list-trend-reports";
import { summarizeTrend } from "@/lib/reports/summarize-trend";
import { findTrendOrganization } from "@/lib/reports/find-trend-organization";
import { authorize } from "@/lib/server/authorize";

/**
 * A unit's or a county's published key figures across the years, for anyone: only the frozen
 * figures of its publications (list-trend-reports.ts, `published`). An organization with
 * nothing published answers as the policy does for an unpublished report: not found, exactly
 * like an id that names no organization, so the public side tells nothing about the rest.
 */
export async function getPublicTrends(organizationId: string) {
  const organization = await findTrendOrganization(organizationId);
  const reports = organization ? await listTrendReports(organization, "published") : [];
  authorize(null, "publication.read", { isPublished: reports.length > 0 });
  return summarizeTrend(organization!, reports);
}
