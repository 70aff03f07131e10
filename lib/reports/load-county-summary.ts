import "server-only";
import {
  parseReportData,
  sumReports,
  type CellContribution,
  type CountyReportMode,
  type ReportData,
  type SummaryPart,
} from "@/lib/report-data";
import { evaluateReport, type Finding } from "@/lib/rules";
import { compileLayout, layoutForYear, type Layout } from "@/lib/template";
import { db } from "@/lib/server/db";
import { organizationFilter } from "@/lib/server/organization-scope";
import { subtreeOf } from "@/lib/workflow/policy";
import { statusLabels, type ReportStatus } from "@/lib/workflow/transitions";
import { reportingSeasonStart } from "./reporting-year";

const byName = new Intl.Collator("zh-CN");

/** The statuses whose figures count: a county reviewer has passed them. */
export const summedStatuses: readonly ReportStatus[] = ["APPROVED", "PUBLISHED"];

export type SummaryUnit = { unitId: string; unitName: string };

export type ExcludedUnit = SummaryUnit & {
  reportId: string | null;
  /** 未开始, 草稿, 已提交 …, or why a reviewed report could not be added. */
  reason: string;
};

export type InconsistentUnit = SummaryUnit & {
  reportId: string;
  /** The rule errors on the unit's own table cells. */
  findings: readonly Pick<Finding, "ruleId" | "cellIds" | "message">[];
};

export type CountySummary = {
  county: { id: string; name: string; reportMode: CountyReportMode };
  year: number;
  layout: Layout;
  /** The summed tables (blank narrative): report data of the year's layout. */
  data: ReportData;
  contributions: { readonly [cellId: string]: readonly CellContribution[] };
  included: (SummaryUnit & { reportId: string; status: ReportStatus })[];
  excluded: ExcludedUnit[];
  /** Units whose own report breaks a rule on a table cell: the reason a sum does not add up. */
  inconsistentUnits: InconsistentUnit[];
  /** The rule engine's findings on the summed tables. */
  findings: Finding[];
};

/** Whether a finding is about the tables only (not the text, dates or title the summary lacks). */
function isTableFinding(layout: Layout, finding: Finding): boolean {
  const compiled = compileLayout(layout);
  return finding.cellIds.length > 0 && finding.cellIds.every((id) => compiled.cell(id) !== undefined);
}

/**
 * The county summary for one year, without asking the policy: the caller has (the summary
 * page and routes through getCountySummary; the submit gate for the county's own report,
 * which its reader may see). Units are the county's subtree below the county itself, as the
 * review queue lists them; null when the organization is not a county or no layout covers
 * the year.
 */
export async function loadCountySummary(countyId: string, year: number): Promise<CountySummary | null> {
  const layout = layoutForYear(year);
  const county = await db.organization.findUnique({
    where: { id: countyId },
    select: { id: true, name: true, kind: true, countyReportMode: true },
  });
  if (!layout || !county || county.kind !== "COUNTY") return null;
  const units = await db.organization.findMany({
    where: {
      AND: [
        await organizationFilter(subtreeOf(countyId)),
        { id: { not: countyId } },
        // As the review queue: a retired unit counts for the seasons before it retired, later only with a report.
        {
          OR: [
            { retiredAt: null },
            { retiredAt: { gte: reportingSeasonStart(year) } },
            { reports: { some: { year } } },
          ],
        },
      ],
    },
    select: {
      id: true,
      name: true,
      kind: true,
      reports: { where: { year }, select: { id: true, status: true, templateId: true, data: true } },
    },
  });

  // In the order of the pinyin of their names, as a Chinese reader looks one up.
  units.sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
  const parts: SummaryPart[] = [];
  const included: CountySummary["included"] = [];
  const excluded: ExcludedUnit[] = [];
  const inconsistentUnits: InconsistentUnit[] = [];
  for (const unit of units) {
    const named = { unitId: unit.id, unitName: unit.name };
    const report = unit.reports[0];
    if (!report) {
      excluded.push({ ...named, reportId: null, reason: "未开始" });
      continue;
    }
    const status = report.status as ReportStatus;
    if (!summedStatuses.includes(status)) {
      excluded.push({ ...named, reportId: report.id, reason: statusLabels[status] });
      continue;
    }
    if (report.templateId !== layout.id) {
      excluded.push({ ...named, reportId: report.id, reason: "报告格式与本年度不同" });
      continue;
    }
    const reading = parseReportData(layout, report.data);
    if (!reading.ok) {
      excluded.push({ ...named, reportId: report.id, reason: "报告数据无法读取" });
      continue;
    }
    parts.push({ ...named, data: reading.data });
    included.push({ ...named, reportId: report.id, status });
    const errors = evaluateReport({
      data: reading.data,
      layout,
      organization: { name: unit.name, kind: unit.kind },
    }).filter((finding) => finding.severity === "error" && isTableFinding(layout, finding));
    if (errors.length > 0)
      inconsistentUnits.push({
        ...named,
        reportId: report.id,
        findings: errors.map(({ ruleId, cellIds, message }) => ({ ruleId, cellIds, message })),
      });
  }

  const sum = sumReports(layout, parts, { organizationName: summaryTitleName(county.name), year });
  const findings = evaluateReport({ data: sum.data, layout }).filter((finding) => isTableFinding(layout, finding));
  return {
    county: { id: county.id, name: county.name, reportMode: county.countyReportMode },
    year,
    layout,
    data: sum.data,
    contributions: sum.contributions,
    included,
    excluded,
    inconsistentUnits,
    findings,
  };
}

/** The name the summary's documents carry: 阳城县（全县汇总）. */
export function summaryTitleName(countyName: string): string {
  return `${countyName}（全县汇总）`;
}

/**
 * What the rule engine compares a county government's report with: the summed tables when
 * the county writes its report in 全县 mode, nothing otherwise (lib/rules county.summary).
 */
export async function loadCountySummaryContext(
  organization: { id: string; kind: string },
  year: number,
): Promise<CountySummary | undefined> {
  if (organization.kind !== "COUNTY") return undefined;
  const county = await db.organization.findUnique({
    where: { id: organization.id },
    select: { countyReportMode: true },
  });
  if (county?.countyReportMode !== "COUNTY_WIDE") return undefined;
  return (await loadCountySummary(organization.id, year)) ?? undefined;
}
