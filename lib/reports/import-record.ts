import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReadingSummary, ReadResult } from "@/lib/import";
import { parseReportData, type ReportData } from "@/lib/report-data";
import { getLayout } from "@/lib/template";
import { AppError } from "@/lib/server/errors";

// What every import stores besides the report: the file and what was read (ReportImport),
// and its audit event. Shared by lib/reports/write-imported-report.ts and the demo seed
// (prisma/seed/seed-published-reports.ts), so it opens no database connection of its own.

/** Who brought the report in: the demo seed, a clerk's upload, an administrator's batch. */
export type ImportOrigin = "seed" | "clerkUpload" | "adminBatch";

export const IMPORT_AUDIT_ACTION = "report.import";

/** The read data as the report stores it: through the codec (lib/report-data), never as-is. */
export function importedReportData(reading: ReadResult & { year: number }, organizationName: string): ReportData {
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

/** The ReportImport row of a file (without its report): the file itself and what was read. */
export function importRecord(input: {
  id: string;
  origin: ImportOrigin;
  fileName: string;
  fileBytes: Uint8Array;
  reading: ReadResult;
  summary: ReadingSummary;
  organizationWarning: string | null;
  importedById: string | null;
}) {
  return {
    id: input.id,
    origin: input.origin,
    fileName: input.fileName.slice(0, 255),
    source: input.reading.source,
    file: new Uint8Array(input.fileBytes),
    fileSha256: createHash("sha256").update(input.fileBytes).digest("hex"),
    reading: input.summary as unknown as Prisma.InputJsonObject,
    organizationWarning: input.organizationWarning,
    importedById: input.importedById,
  };
}

/** What the audit event of an import records: where the file came from and what it was. */
export function importAuditDetail(record: ReturnType<typeof importRecord>, reading: ReadResult) {
  return {
    importId: record.id,
    origin: record.origin,
    fileName: record.fileName,
    fileSha256: record.fileSha256,
    source: reading.source,
    layoutId: reading.layoutId,
    printedOrganizationName: reading.organizationName.slice(0, 200),
    problems: reading.problems.length,
    ...(record.organizationWarning ? { confirmedOrganizationMismatch: true } : {}),
  } satisfies Prisma.InputJsonObject;
}
