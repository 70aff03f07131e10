import "server-only";
import type { TrendReport } from "@/lib/render/view-trends";
import { db } from "@/lib/server/db";
import { loadSubtrees } from "@/lib/server/organization-scope";
import { layoutOf, parseStoredData } from "./evaluate-stored-report";

/** An organization whose trends are asked for: a county, or a unit (township, department …). */
export type TrendOrganization = { id: string; kind: string };

/**
 * Which figures a trend counts:
 * - `published`: the public side; each year's latest publication (`Publication.data`, the
 *   frozen public figures), nothing else — a report being corrected shows its published version.
 * - `reviewed`: the review side; figures a reviewer has passed — an APPROVED or PUBLISHED
 *   report's data, or, for a published report reopened for a correction, its latest
 *   publication. Drafts, submitted and returned reports never published are not counted:
 *   their figures have not been reviewed and would move the line under the reviewer's eyes.
 */
export type TrendSource = "published" | "reviewed";

/**
 * A unit's trend is its own reports; a county's is the sum of the reports of every unit under
 * it (not the county's own report, which in 全县 mode restates its units' figures and would
 * count them twice).
 */
async function reportingOrganizationIds(organization: TrendOrganization): Promise<string[]> {
  if (organization.kind !== "COUNTY") return [organization.id];
  const subtree = (await loadSubtrees([organization.id])).get(organization.id) ?? [];
  return subtree.filter((id) => id !== organization.id);
}

/** One report a trend adds up, and whose it is. */
export type TrendReportRow = TrendReport & { reportId: string; organizationId: string; organizationName: string };

/** The reports a trend adds up, with the layout and values of each, oldest year first. */
export async function listTrendReports(
  organization: TrendOrganization,
  source: TrendSource,
): Promise<TrendReportRow[]> {
  const organizationIds = await reportingOrganizationIds(organization);
  const rows = await db.report.findMany({
    where: {
      organizationId: { in: organizationIds },
      ...(source === "published"
        ? { publications: { some: {} } }
        : { OR: [{ status: { in: ["APPROVED", "PUBLISHED"] } }, { publications: { some: {} } }] }),
    },
    orderBy: [{ year: "asc" }, { organization: { name: "asc" } }],
    select: {
      id: true,
      year: true,
      organization: { select: { id: true, name: true } },
      status: true,
      templateId: true,
      data: true,
      publications: { orderBy: { sequence: "desc" }, take: 1, select: { templateId: true, data: true } },
    },
  });
  return rows.map((row) => {
    const published = row.publications[0];
    const useReport = source === "reviewed" && (row.status === "APPROVED" || row.status === "PUBLISHED");
    const stored = useReport || !published ? { templateId: row.templateId, data: row.data } : published;
    const layout = layoutOf(stored);
    return {
      year: row.year,
      layout,
      data: parseStoredData(layout, stored.data),
      reportId: row.id,
      organizationId: row.organization.id,
      organizationName: row.organization.name,
    };
  });
}
