import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReadingSummary, ReadResult } from "@/lib/import";
import { toDateColumn } from "@/lib/format/calendar-day";
import { toStoredReportData } from "@/lib/report-data";
import { getLayout } from "@/lib/template";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import type { ReportStatus } from "@/lib/workflow/transitions";
import { authorizeReport } from "./authorize-report";
import {
  IMPORT_AUDIT_ACTION,
  importAuditDetail,
  importRecord,
  importedReportData,
  type ImportOrigin,
} from "./import-record";
import { applyTransition } from "./transition-report";

export type ImportedReportInput = {
  organization: { id: string; name: string };
  /** A reading with status "read" and a year. */
  reading: ReadResult & { year: number };
  /** What was read and the rule engine's findings on it, as the importer saw them. */
  summary: ReadingSummary;
  fileName: string;
  fileBytes: Uint8Array;
  origin: Exclude<ImportOrigin, "seed">;
  /** The title names another body (or none) and the importer confirmed past this warning. */
  organizationWarning: string | null;
  actor: Actor;
  now: Date;
  /** The ReportImport's id when the importer fixed it beforehand (a batch import job's file), else a new one. */
  importId?: string;
};

/** The report of that organization and year an import may replace (see isReplaceableImport). */
export type ReplaceableReport = { id: string; status: string; version: number; importId: string | null };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Whether an import may replace the existing report of that year: its data is still exactly
 * what an earlier import read (no one has typed over it since; lib/reports/save-draft.ts
 * clears the mark), and it is waiting for a reviewer, was sent back or is published.
 * Anything a person worked on — a draft, a report written in the wizard — is never overwritten.
 */
export function isReplaceableImport(report: { status: string; importId: string | null }): boolean {
  return report.importId !== null && (["SUBMITTED", "RETURNED", "PUBLISHED"] as string[]).includes(report.status);
}

/**
 * Stores a report read from a published file as submitted to the county's reviewers, never
 * as published: every public document passes a county reviewer, who sees the source file,
 * what was read and the findings (lib/reports/get-review-report.ts) and confirms it
 * (confirmImportedReport publishes it as read) or returns it. The layout the reader chose
 * is kept, missing cells stay missing (never 0).
 *
 * - No report of that year: the report is created as 已提交 with its first revision.
 * - One waiting for the confirmation of an earlier import: that import is replaced.
 * - One published (or sent back) whose data an import brought in: the `import` transition
 *   moves it to 已提交 as a correction; its publications stay online unchanged until a
 *   reviewer confirms the new version with a 更正说明.
 *
 * The report, its revision, the ReportImport (the file and the reading summary) and the
 * audit event (`report.import`, with the file's name and SHA-256) are written in one
 * transaction; each write is guarded by the version the import was assessed against, and a
 * concurrent import of the same organization and year fails with CONFLICT instead of forking.
 */
export async function writeImportedReport(
  input: ImportedReportInput,
  existing: ReplaceableReport | null,
): Promise<{ reportId: string; isCorrection: boolean }> {
  const { reading, organization, actor } = input;
  const layout = getLayout(reading.layoutId);
  const stored = toStoredReportData(importedReportData(reading, organization.name));
  const actorId = actor?.userId ?? null;
  const record = importRecord({
    id: input.importId ?? randomUUID(),
    origin: input.origin,
    fileName: input.fileName,
    fileBytes: input.fileBytes,
    reading,
    summary: input.summary,
    organizationWarning: input.organizationWarning,
    importedById: actorId,
  });
  const detail = importAuditDetail(record, reading);
  // The 成文日期 is the document's own (its dated signature), never the day of the import.
  const documentDate = reading.documentDate === null ? null : toDateColumn(reading.documentDate);
  /** The import's data becomes the report's, as revision `version`. */
  const replaceData = async (tx: Prisma.TransactionClient, reportId: string, version: number) => {
    await tx.reportImport.create({ data: { ...record, reportId } });
    await tx.report.update({
      where: { id: reportId },
      data: { data: stored, templateId: layout.id, templateVersion: layout.version, importId: record.id, documentDate },
    });
    await tx.reportRevision.create({
      data: { reportId, version, status: "SUBMITTED", data: stored, authorId: actorId },
    });
  };
  const conflict = () => new AppError("CONFLICT", "该年度报告刚被他人修改，请刷新页面后再试。");

  try {
    if (!existing) {
      const reportId = await db.$transaction(async (tx) => {
        const report = await tx.report.create({
          data: {
            organizationId: organization.id,
            year: reading.year,
            templateId: layout.id,
            templateVersion: layout.version,
            status: "SUBMITTED",
            submittedAt: input.now,
            documentDate,
            data: stored,
            revisions: { create: { version: 1, status: "SUBMITTED", data: stored, authorId: actorId } },
          },
          select: { id: true },
        });
        await tx.reportImport.create({ data: { ...record, reportId: report.id } });
        await tx.report.update({ where: { id: report.id }, data: { importId: record.id } });
        await tx.auditEvent.create({
          data: {
            action: IMPORT_AUDIT_ACTION,
            actorId,
            organizationId: organization.id,
            reportId: report.id,
            toStatus: "SUBMITTED",
            detail,
          },
        });
        return report.id;
      });
      return { reportId, isCorrection: false };
    }

    if (!isReplaceableImport(existing)) throw conflict();
    const isCorrection = (await db.publication.count({ where: { reportId: existing.id } })) > 0;
    if (existing.status === "SUBMITTED") {
      // Still waiting for a reviewer: the new file takes the earlier one's place in the queue.
      await db.$transaction(async (tx) => {
        const updated = await tx.report.updateMany({
          where: { id: existing.id, status: "SUBMITTED", version: existing.version, importId: existing.importId },
          data: { version: { increment: 1 }, submittedAt: input.now },
        });
        if (updated.count === 0) throw conflict();
        await replaceData(tx, existing.id, existing.version + 1);
        await tx.auditEvent.create({
          data: {
            action: IMPORT_AUDIT_ACTION,
            actorId,
            organizationId: organization.id,
            reportId: existing.id,
            fromStatus: "SUBMITTED",
            toStatus: "SUBMITTED",
            detail: { ...detail, replacesImportId: existing.importId },
          },
        });
      });
      return { reportId: existing.id, isCorrection };
    }

    // Published or sent back: the transition table's `import` row, asked of the policy again.
    const authorized = await authorizeReport(actor, "report.transition", existing.id, { transition: "import" });
    if ((authorized.report.status as ReportStatus) !== existing.status) throw conflict();
    await applyTransition(
      actor,
      authorized,
      "import",
      { expectedVersion: existing.version, detail: { ...detail, replacesImportId: existing.importId } },
      (tx, report) => replaceData(tx, report.id, report.version),
    );
    return { reportId: existing.id, isCorrection };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `${organization.name} ${reading.year} 年度的报告刚由他人创建，未导入。`);
    throw error;
  }
}
