import "server-only";
import { parseReportData, type Organization, type ReportData } from "@/lib/report-data";
import { evaluateReport, type Finding } from "@/lib/rules";
import { getLayout, type Layout } from "@/lib/template";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { loadCountySummaryContext } from "./load-county-summary";

/** The layout a stored report was written against; unknown ids are a data error. */
export function layoutOf(report: { templateId: string }): Layout {
  const layout = getLayout(report.templateId);
  if (!layout) throw new AppError("INTERNAL", `未知的报告格式：${report.templateId}`);
  return layout;
}

/** Stored JSON read back through the codec (lib/report-data parseReportData): never trusted as-is. */
export function parseStoredData(layout: Layout, stored: unknown): ReportData {
  const reading = parseReportData(layout, stored);
  if (!reading.ok) throw new AppError("INTERNAL", "报告数据已损坏，请联系管理员。", reading.error);
  return reading.data;
}

/**
 * Last year's report of the same organization as the public has it: its latest published
 * version (the frozen data of that publication), never a draft, a submission or a returned
 * report. It feeds the wizard's carry-over, the year-to-year checks and 雷同 with last year;
 * a year reopened for correction keeps answering its published version until the
 * correction is published. Undefined when last year has no publication.
 */
export async function loadPreviousYearData(organizationId: string, year: number): Promise<ReportData | undefined> {
  const publication = await db.publication.findFirst({
    where: { report: { organizationId, year: year - 1 } },
    orderBy: { sequence: "desc" },
    select: { templateId: true, data: true },
  });
  if (!publication) return undefined;
  const layout = getLayout(publication.templateId);
  if (!layout) return undefined;
  const reading = parseReportData(layout, publication.data);
  return reading.ok ? reading.data : undefined;
}

/** The server's own run of the rule engine over a stored report: the submit gate. */
export async function evaluateStoredReport(report: {
  templateId: string;
  data: unknown;
  year: number;
  organization: Organization & { id: string };
}): Promise<{ layout: Layout; data: ReportData; findings: Finding[] }> {
  const layout = layoutOf(report);
  const data = parseStoredData(layout, report.data);
  const [previousYear, countySummary] = await Promise.all([
    loadPreviousYearData(report.organization.id, report.year),
    loadCountySummaryContext(report.organization, report.year),
  ]);
  const { name, kind } = report.organization;
  const findings = evaluateReport({
    data,
    layout,
    previousYear,
    organization: { name, kind },
    countySummary: countySummary?.layout.id === layout.id ? countySummary.data : undefined,
  });
  return { layout, data, findings };
}
