import "server-only";
import { blankReportData, toStoredReportData } from "@/lib/report-data";
import { layoutForYear } from "@/lib/template";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { reportingYear, startYearProblem } from "./reporting-year";

/**
 * Opens the organization's report for `year`, creating it on first use (never for a retired unit). For the reporting
 * year this is idempotent: a double click or two tabs get the same report (the
 * (organization, year) key is unique). Later years are refused, and an earlier year only
 * starts where the organization has no report for it (startYearProblem).
 */
export const startReport = defineOperation({
  name: "startReport",
  action: "report.create",
  authorize: async (actor: Actor, organizationId: string | null, _year: number, _options?: { today?: Date }) => {
    authorize(actor, "report.create", { organizationId });
    // The policy allows only the organization's own clerk, so there is an organization.
    return organizationId!;
  },
  run: (organizationId, actor, _organizationId, year, options?: { today?: Date }) =>
    openReport(actor, organizationId, year, options),
});

async function openReport(
  actor: Actor,
  organizationId: string,
  year: number,
  options: { today?: Date } = {},
): Promise<{ id: string }> {
  const layout = layoutForYear(year);
  if (!layout) throw new AppError("INVALID_INPUT", `暂不支持 ${year} 年度的报告格式。`);
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, retiredAt: true },
  });
  // A retired unit drops out of new seasons; its published reports stay online.
  if (organization.retiredAt)
    throw new AppError("INVALID_STATE", "本单位已停用，不能开始新的年度报告。如单位仍在运行，请联系县级管理员恢复。");
  const today = options.today ?? new Date();
  const isEarlierYear = year < reportingYear(today);
  const existing = await db.report.findUnique({
    where: { organizationId_year: { organizationId, year } },
    select: { id: true },
  });
  const problem = startYearProblem(year, today, { isPresent: existing !== null });
  if (problem) throw new AppError("INVALID_INPUT", problem);
  if (existing) return existing;
  const data = toStoredReportData(blankReportData(layout, organization.name, year));
  const create = {
    organizationId,
    year,
    templateId: layout.id,
    templateVersion: layout.version,
    data,
    revisions: { create: { version: 1, status: "DRAFT" as const, data, authorId: actor?.userId ?? null } },
    auditEvents: {
      create: { action: "report.start", actorId: actor?.userId ?? null, organizationId, toStatus: "DRAFT" as const },
    },
  };
  if (!isEarlierYear)
    return db.report.upsert({
      where: { organizationId_year: { organizationId, year } },
      update: {},
      create,
      select: { id: true },
    });
  try {
    return await db.report.create({ data: create, select: { id: true } });
  } catch (error) {
    // Another start or an import of the same year got there first.
    if (isUniqueViolation(error))
      throw new AppError("INVALID_INPUT", startYearProblem(year, today, { isPresent: true })!);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
