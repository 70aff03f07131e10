import "server-only";
import {
  parseReportData,
  sumReports,
  type CellContribution,
  type CountyReportMode,
  type OrganizationKind,
  type ReportData,
  type SummaryPart,
} from "@/lib/report-data";
import { evaluateReport, type Finding } from "@/lib/rules";
import { compileLayout, layoutForYear, type Layout } from "@/lib/template";
import { db } from "@/lib/server/db";
import { loadSubtrees } from "@/lib/server/organization-scope";
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

type UnitRow = {
  unitId: string;
  unitName: string;
  kind: OrganizationKind;
  reportId: string | null;
  status: string | null;
  templateId: string | null;
  updatedAt: Date | null;
  cells: unknown;
  meta: unknown;
};

type TableReading = { data: ReportData; errors: InconsistentUnit["findings"] };

/**
 * A reviewed report's tables as read and judged, by report and last change: an approved or
 * published report rarely changes, so a summary asked again (the page, then its downloads)
 * reads and judges only what changed since. Bounded, oldest first out.
 */
const readings = new Map<string, TableReading | null>();
const MAX_READINGS = 5_000;

/** The tables through the codec (without the text, so the rules judge the tables alone), and their rule errors. */
function readTables(layout: Layout, row: UnitRow): TableReading | null {
  const key = `${row.reportId}:${row.updatedAt?.getTime()}:${layout.id}`;
  const known = readings.get(key);
  if (known !== undefined) return known;
  const parsed = parseReportData(layout, { cells: row.cells, narrative: {}, meta: row.meta });
  const reading = parsed.ok
    ? {
        data: parsed.data,
        errors: evaluateReport({ data: parsed.data, layout, organization: { name: row.unitName, kind: row.kind } })
          .filter((finding) => finding.severity === "error" && isTableFinding(layout, finding))
          .map(({ ruleId, cellIds, message }) => ({ ruleId, cellIds, message })),
      }
    : null;
  if (readings.size >= MAX_READINGS) readings.delete(readings.keys().next().value!);
  readings.set(key, reading);
  return reading;
}

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
  const subtree = (await loadSubtrees([countyId])).get(countyId) ?? [];
  // One query for the units and their reports of the year, and of each report only its tables
  // when they count (a report's text is most of its stored JSON and none of the summary's). A
  // retired unit counts, as in the review queue, for the seasons before it retired, later only
  // with a report.
  const rows = await db.$queryRaw<UnitRow[]>`
    SELECT o.id::text AS "unitId", o.name AS "unitName", o.kind::text AS kind,
           r.id::text AS "reportId", r.status::text AS status, r."templateId", r."updatedAt",
           CASE WHEN r.status::text = ANY(${[...summedStatuses]}) THEN r.data->'cells' END AS cells,
           CASE WHEN r.status::text = ANY(${[...summedStatuses]}) THEN r.data->'meta' END AS meta
    FROM "Organization" o
    LEFT JOIN "Report" r ON r."organizationId" = o.id AND r.year = ${year}
    WHERE o.id = ANY(${subtree}::uuid[]) AND o.id <> ${countyId}::uuid
      AND (o."retiredAt" IS NULL OR o."retiredAt" >= ${reportingSeasonStart(year)} OR r.id IS NOT NULL)`;

  // In the order of the pinyin of their names, as a Chinese reader looks one up.
  rows.sort((a, b) => byName.compare(a.unitName, b.unitName) || a.unitId.localeCompare(b.unitId));
  const parts: SummaryPart[] = [];
  const included: CountySummary["included"] = [];
  const excluded: ExcludedUnit[] = [];
  const inconsistentUnits: InconsistentUnit[] = [];
  for (const row of rows) {
    const named = { unitId: row.unitId, unitName: row.unitName };
    if (row.reportId === null) {
      excluded.push({ ...named, reportId: null, reason: "未开始" });
      continue;
    }
    const status = row.status as ReportStatus;
    if (!summedStatuses.includes(status)) {
      excluded.push({ ...named, reportId: row.reportId, reason: statusLabels[status] });
      continue;
    }
    if (row.templateId !== layout.id) {
      excluded.push({ ...named, reportId: row.reportId, reason: "报告格式与本年度不同" });
      continue;
    }
    const reading = readTables(layout, row);
    if (!reading) {
      excluded.push({ ...named, reportId: row.reportId, reason: "报告数据无法读取" });
      continue;
    }
    parts.push({ ...named, data: reading.data });
    included.push({ ...named, reportId: row.reportId, status });
    if (reading.errors.length > 0)
      inconsistentUnits.push({ ...named, reportId: row.reportId, findings: reading.errors });
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
