import "server-only";
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ReadResult } from "@/lib/import";
import { toDateColumn } from "@/lib/format/calendar-day";
import { insertPublication } from "@/lib/publications/insert-publication";
import { renderPublication } from "@/lib/publications/render-publication";
import { parseReportData, toStoredReportData, type ReportData } from "@/lib/report-data";
import { getLayout } from "@/lib/template";
import { AppError } from "@/lib/server/errors";

/** Who brought the report in: the demo seed, a clerk's upload, an administrator's batch. */
export type ImportOrigin = "seed" | "clerkUpload" | "adminBatch";

export const IMPORT_AUDIT_ACTION = "report.import";

export type ImportedReportInput = {
  organization: { id: string; name: string };
  /** A reading with status "read" and a year. */
  reading: ReadResult & { year: number };
  fileName: string;
  fileBytes: Uint8Array;
  origin: ImportOrigin;
  actorId: string | null;
  now: Date;
  /** The importer confirmed the file is theirs although its title names another body (audited). */
  confirmedOrganizationMismatch?: boolean;
  /** Replaces a report that an earlier import created and nobody has worked on since. */
  replacing?: { reportId: string; version: number };
};

/** The read data as the report stores it: through the codec (lib/report-data), never as-is. */
export function importedReportData(reading: ImportedReportInput["reading"], organizationName: string): ReportData {
  const layout = getLayout(reading.layoutId);
  const parsed = parseReportData(layout, {
    ...reading.data,
    meta: { ...reading.data.meta, organizationName, year: reading.year },
  });
  if (!parsed.ok)
    throw new AppError(
      "INVALID_INPUT",
      "文件中读到的内容不符合报告格式（可能含有控制字符或过长的段落），未导入。",
      parsed.error,
    );
  return parsed.data;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Stores a report read from a published file as it was published: status PUBLISHED, the
 * layout the reader chose, missing cells left missing (never 0), and its publication
 * snapshot, so it is in the public catalogue and is the "previous year" of the next report.
 * Rendering (~0.5 s) happens before the transaction; the report, its first revision, the
 * publication and the audit event (`report.import`, with the file's name and SHA-256) are
 * written together. A concurrent import of the same organization and year fails with
 * CONFLICT instead of forking. Takes the Prisma client so the demo seed can use it too.
 */
export async function writeImportedReport(
  client: PrismaClient,
  input: ImportedReportInput,
): Promise<{ reportId: string; publicationId: string; sequence: number }> {
  const { reading, organization } = input;
  const layout = getLayout(reading.layoutId);
  const data = importedReportData(reading, organization.name);
  const stored = toStoredReportData(data);
  const sequence = input.replacing ? await nextSequence(client, input.replacing.reportId) : 1;
  const correctionNote = input.replacing ? "以重新导入的原公开文本替换上一版本。" : null;
  // The dates are the document's own (its signature, its page's 发布日期), never the import's.
  const publication = {
    layout,
    data,
    organizationName: organization.name,
    year: reading.year,
    sequence,
    publicationDate: reading.publicationDate,
    documentDate: reading.documentDate,
    correctionNote,
  };
  const snapshot = await renderPublication(publication);
  const documentDate = reading.documentDate === null ? null : toDateColumn(reading.documentDate);
  const detail: Prisma.InputJsonObject = {
    origin: input.origin,
    fileName: input.fileName.slice(0, 255),
    fileSha256: createHash("sha256").update(input.fileBytes).digest("hex"),
    source: reading.source,
    layoutId: layout.id,
    printedOrganizationName: reading.organizationName.slice(0, 200),
    problems: reading.problems.length,
    ...(input.confirmedOrganizationMismatch ? { confirmedOrganizationMismatch: true } : {}),
  };

  try {
    return await client.$transaction(async (tx) => {
      let reportId: string;
      let fromStatus: "PUBLISHED" | null = null;
      if (input.replacing) {
        const updated = await tx.report.updateMany({
          where: { id: input.replacing.reportId, status: "PUBLISHED", version: input.replacing.version },
          data: {
            data: stored,
            templateId: layout.id,
            templateVersion: layout.version,
            version: { increment: 1 },
            publishedAt: input.now,
            documentDate,
          },
        });
        if (updated.count === 0) throw new AppError("CONFLICT", "该年度报告刚被他人修改，请刷新页面后再试。");
        reportId = input.replacing.reportId;
        fromStatus = "PUBLISHED";
        await tx.reportRevision.create({
          data: {
            reportId,
            version: input.replacing.version + 1,
            status: "PUBLISHED",
            data: stored,
            authorId: input.actorId,
          },
        });
      } else {
        const created = await tx.report.create({
          data: {
            organizationId: organization.id,
            year: reading.year,
            templateId: layout.id,
            templateVersion: layout.version,
            status: "PUBLISHED",
            publishedAt: input.now,
            documentDate,
            data: stored,
            revisions: { create: { version: 1, status: "PUBLISHED", data: stored, authorId: input.actorId } },
          },
          select: { id: true },
        });
        reportId = created.id;
      }
      const inserted = await insertPublication(tx, {
        reportId,
        publication,
        snapshot,
        publishedAt: input.now,
        publishedById: input.actorId,
      });
      await tx.auditEvent.create({
        data: {
          action: IMPORT_AUDIT_ACTION,
          actorId: input.actorId,
          organizationId: organization.id,
          reportId,
          fromStatus,
          toStatus: "PUBLISHED",
          detail,
        },
      });
      return { reportId, publicationId: inserted.id, sequence };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `${organization.name} ${reading.year} 年度的报告刚由他人创建，未导入。`);
    throw error;
  }
}

async function nextSequence(client: PrismaClient, reportId: string): Promise<number> {
  const last = await client.publication.findFirst({
    where: { reportId },
    orderBy: { sequence: "desc" },
    select: { sequence: true },
  });
  return (last?.sequence ?? 0) + 1;
}

/**
 * Whether an existing report is one an import may replace: published by an import and
 * touched by nothing else since (every audit event of it is an import). Anything a person
 * worked on — a draft, a review, a correction — is never overwritten.
 */
export async function isReplaceableImport(
  client: PrismaClient,
  report: { id: string; status: string },
): Promise<boolean> {
  if (report.status !== "PUBLISHED") return false;
  const actions = await client.auditEvent.groupBy({ by: ["action"], where: { reportId: report.id } });
  return actions.length > 0 && actions.every((row) => row.action === IMPORT_AUDIT_ACTION);
}
