import "server-only";
import { buildTrendView } from "@/lib/render/view-trends";
import type { TrendReportRow } from "./list-trend-reports";
import type { TrendOrganizationRow } from "./find-trend-organization";

/**
 * What a trends page shows: whose trend it is, the trends view, and the reports it counts
 * (each unit's, by year), so the page can link to them.
 */
export function summarizeTrend(organization: TrendOrganizationRow, reports: readonly TrendReportRow[]) {
  return {
    organization: {
      id: organization.id,
      name: organization.name,
      isCounty: organization.kind === "COUNTY",
      countyName: organization.kind === "COUNTY" ? null : (organization.parent?.name ?? null),
    },
    view: buildTrendView(reports),
    reports: reports.map(({ reportId, organizationId, organizationName, year }) => ({
      reportId,
      organizationId,
      organizationName,
      year,
    })),
  };
}

export type TrendSummary = ReturnType<typeof summarizeTrend>;
