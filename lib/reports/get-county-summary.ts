import "server-only";
import { contributionText, type SummaryContext } from "@/lib/report-data";
import { compileLayout } from "@/lib/template";
import { notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeOrganization } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";
import { loadCountySummary, type CountySummary } from "./load-county-summary";

/**
 * A county's summary (全县汇总) for one year, for those the policy lets read it (the
 * county's reviewers and administrators, the county government's own clerk); a county out
 * of reach, a unit that is not a county or a year no layout covers is not found.
 */
export const getCountySummary = defineOperation({
  name: "getCountySummary",
  action: "summary.read",
  authorize: (actor: Actor, countyId: string, _year: number) => authorizeOrganization(actor, "summary.read", countyId),
  run: async (countyId, actor, _countyId, year) => {
    const summary = await loadCountySummary(countyId, year);
    if (!summary) throw notFoundFor(actor);
    return summary;
  },
});

/**
 * What the wizard of a county government's report in 全县 mode is written against: the sums
 * with each cell's sources and the units not yet in them; null in 本级 mode, for any other
 * organization, or when the summary is of another layout than the report's.
 */
export async function getCountyReportSummary(
  actor: Actor,
  report: { organization: { id: string; kind: string }; year: number; templateId: string },
): Promise<SummaryContext | null> {
  if (report.organization.kind !== "COUNTY") return null;
  const county = await db.organization.findUnique({
    where: { id: report.organization.id },
    select: { countyReportMode: true },
  });
  if (county?.countyReportMode !== "COUNTY_WIDE") return null;
  const summary = await getCountySummary(actor, report.organization.id, report.year);
  return summary.layout.id === report.templateId ? toSummaryContext(summary) : null;
}

export function toSummaryContext(summary: CountySummary): SummaryContext {
  const sources: Record<string, string> = {};
  for (const cell of compileLayout(summary.layout).cells)
    sources[cell.id] = contributionText(summary.contributions[cell.id] ?? [], cell);
  return {
    data: summary.data,
    sources,
    includedCount: summary.included.length,
    excludedNames: summary.excluded.map((unit) => unit.unitName),
  };
}
