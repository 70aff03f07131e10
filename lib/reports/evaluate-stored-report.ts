import "server-only";
import { evaluateReport, type Finding, type Organization, type OrganizationKind } from "@/lib/rules";
import { draftReportSchema, getLayout, type Layout, type ReportData } from "@/lib/template";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

const ruleKinds: Record<string, OrganizationKind> = {
  COUNTY: "county",
  TOWNSHIP: "township",
  TOWN: "town",
  SUBDISTRICT: "subdistrict",
  DEPARTMENT: "department",
};

/** An organization as the rule engine's identity checks know it (every stored kind maps). */
export function ruleOrganization(organization: { name: string; kind: string }): Organization | undefined {
  const kind = ruleKinds[organization.kind];
  return kind ? { name: organization.name, kind } : undefined;
}

/** The layout a stored report was written against; unknown ids are a data error. */
export function layoutOf(report: { templateId: string }): Layout {
  const layout = getLayout(report.templateId);
  if (!layout) throw new AppError("INTERNAL", `未知的报告格式：${report.templateId}`);
  return layout;
}

/** Stored JSON read back through the layout's draft schema: never trusted as-is. */
export function parseStoredData(layout: Layout, stored: unknown): ReportData {
  const parsed = draftReportSchema(layout).safeParse(stored);
  if (!parsed.success)
    throw new AppError("INTERNAL", "报告数据已损坏，请联系管理员。", parsed.error.issues.slice(0, 5));
  return parsed.data;
}

/** Last year's report of the same organization, for the year-to-year checks. */
export async function loadPreviousYearData(organizationId: string, year: number): Promise<ReportData | undefined> {
  const previous = await db.report.findUnique({
    where: { organizationId_year: { organizationId, year: year - 1 } },
    select: { templateId: true, data: true },
  });
  if (!previous) return undefined;
  const layout = getLayout(previous.templateId);
  if (!layout) return undefined;
  const parsed = draftReportSchema(layout).safeParse(previous.data);
  return parsed.success ? parsed.data : undefined;
}

/** The server's own run of the rule engine over a stored report: the submit gate. */
export async function evaluateStoredReport(report: {
  templateId: string;
  data: unknown;
  year: number;
  organization: { id: string; name: string; kind: string };
}): Promise<{ layout: Layout; data: ReportData; findings: Finding[] }> {
  const layout = layoutOf(report);
  const data = parseStoredData(layout, report.data);
  const previousYear = await loadPreviousYearData(report.organization.id, report.year);
  const findings = evaluateReport({ data, layout, previousYear, organization: ruleOrganization(report.organization) });
  return { layout, data, findings };
}
