import "server-only";
import { db } from "@/lib/server/db";
import { isUuid } from "@/lib/server/is-uuid";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { ReportSubject } from "@/lib/workflow/policy";
import type { ReportStatus } from "@/lib/workflow/transitions";

const reportSelect = {
  id: true,
  organizationId: true,
  year: true,
  templateId: true,
  templateVersion: true,
  status: true,
  data: true,
  acknowledgements: true,
  version: true,
  submittedAt: true,
  approvedAt: true,
  publishedAt: true,
  importId: true,
  documentDate: true,
  createdAt: true,
  updatedAt: true,
  organization: { select: { id: true, name: true, kind: true, parentId: true } },
} as const;

/** Loads a report and where its organization sits, asking nobody: operations reach it through authorizeReport. */
export async function loadReport(reportId: string) {
  if (!isUuid(reportId)) return null;
  const report = await db.report.findUnique({ where: { id: reportId }, select: reportSelect });
  if (!report) return null;
  const scope = await loadOrganizationScope(report.organizationId);
  const subject: ReportSubject = {
    ...scope,
    status: report.status as ReportStatus,
    isPendingImport: report.status === "SUBMITTED" && report.importId !== null,
  };
  return { report, subject };
}

export type LoadedReport = NonNullable<Awaited<ReturnType<typeof loadReport>>>;
