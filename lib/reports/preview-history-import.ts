import "server-only";
import { evaluateReport } from "@/lib/rules";
import { isSameOrganizationName, summarizeReading, type ReadingSummary, type ReadResult } from "@/lib/import";
import type { OrganizationKind } from "@/lib/report-data";
import { readUpload, ReadersBusyError } from "@/lib/import/server";
import { getLayout } from "@/lib/template";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { statusLabels, type ReportStatus } from "@/lib/workflow/transitions";
import { loadPreviousYearData } from "./evaluate-stored-report";
import { reportingYear } from "./reporting-year";
import { isReplaceableImport, type ImportedReportInput, type ReplaceableReport } from "./write-imported-report";

export type HistoryImportUpload = { organizationId: string; fileName: string; bytes: Uint8Array; today: Date };

export type HistoryImportPreview = {
  reading: ReadingSummary;
  organizationName: string;
  /** The year the office is working on now; only earlier years can be imported. */
  currentYear: number;
  /** Why the file cannot be imported (zh-CN); empty when it can. */
  refusals: string[];
  /** The title names another body (or none): importing needs the clerk's explicit confirmation. */
  organizationWarning: string | null;
  /** An earlier import of the same year that this one would replace. */
  replacesImport: boolean;
  /** That year's report is published: the import is a correction, public only once a reviewer confirms it. */
  correctsPublication: boolean;
};

/** The earliest year the template covers (gov-2019). */
export const FIRST_IMPORT_YEAR = 2019;

/**
 * Reads a clerk's previous-year report file and says whether it may be imported, writing
 * nothing: what was read, and every reason to refuse
 * — not a report, no year, a year not yet past, another body's name (needs confirmation),
 * a report of that year someone already works on — and whether it replaces an earlier
 * import (a correction when that one is published). importHistoryReport runs the same
 * assessment again before writing, so the preview is advice, never trusted. Both ask the
 * policy first (authorizeHistoryImport); this runs only after it said yes.
 */
export async function assessHistoryImport(upload: HistoryImportUpload) {
  const organization = await db.organization.findUnique({
    where: { id: upload.organizationId },
    select: { id: true, name: true, kind: true, parent: { select: { name: true } } },
  });
  if (!organization) throw new AppError("NOT_FOUND");

  const reading = await readUploadedFile(upload);
  const currentYear = reportingYear(upload.today);
  const refusals: string[] = [];
  let organizationWarning: string | null = null;
  let existing: ReplaceableReport | null = null;
  let replacesImport = false;
  let correctsPublication = false;

  if (reading.status !== "read") {
    refusals.push(
      ...reading.problems.filter((problem) => problem.severity === "error").map((problem) => problem.message),
    );
    if (refusals.length === 0) refusals.push("文件无法读取为年度报告。");
  } else if (reading.year === null) {
    refusals.push("未能从文件中读出报告年度，无法导入；请确认标题中写明了年度（如“2024年政府信息公开工作年度报告”）。");
  } else {
    const year = reading.year;
    if (year >= currentYear)
      refusals.push(
        `文件是 ${year} 年度的报告。只能导入 ${currentYear} 年以前已公布的报告；${currentYear} 年度报告请在系统中填写。`,
      );
    else if (year < FIRST_IMPORT_YEAR)
      refusals.push(`文件是 ${year} 年度的报告，系统只支持 ${FIRST_IMPORT_YEAR} 年及以后的报告格式。`);
    const countyNames = organization.parent ? [organization.parent.name] : [];
    if (!isSameOrganizationName(reading.organizationName, { name: organization.name, countyNames })) {
      organizationWarning = reading.organizationName
        ? `文件标题中的机关是“${reading.organizationName}”，与本单位“${organization.name}”不一致。请确认这是本单位的报告后再导入。`
        : `未能从文件标题中读出机关名称。请确认这是“${organization.name}”的报告后再导入。`;
    }
    const found = await db.report.findUnique({
      where: { organizationId_year: { organizationId: organization.id, year } },
      select: { id: true, status: true, version: true, importId: true, _count: { select: { publications: true } } },
    });
    if (found) {
      const { _count, ...report } = found;
      existing = report;
      replacesImport = isReplaceableImport(report);
      correctsPublication = replacesImport && _count.publications > 0;
      if (!replacesImport) {
        refusals.push(
          `本单位 ${year} 年度已有报告（${statusLabels[report.status as ReportStatus] ?? report.status}），为避免覆盖已有内容，未导入。如需更正，请联系审核人员。`,
        );
      }
    }
  }
  return {
    reading,
    organization,
    existing,
    currentYear,
    refusals,
    organizationWarning,
    replacesImport,
    correctsPublication,
  };
}

/**
 * What a reading is, for the importer and for the reviewer who confirms the import: the
 * summary by place, with the rule engine's findings on the data as read (none for a file
 * that is not a report of a known year). The import itself does not depend on the findings.
 */
export async function summarizeImport(
  fileName: string,
  reading: ReadResult,
  organization: { id: string; name: string; kind: OrganizationKind },
): Promise<ReadingSummary> {
  const findings =
    reading.status === "read" && reading.year !== null
      ? evaluateReport({
          data: reading.data,
          layout: getLayout(reading.layoutId),
          previousYear: await loadPreviousYearData(organization.id, reading.year),
          organization: { name: organization.name, kind: organization.kind },
        })
      : [];
  return summarizeReading(fileName, reading, findings);
}

/**
 * writeImportedReport's input for a file read as a report of a known year: the reading
 * summarized with its findings (summarizeImport) at the time of the import.
 */
export async function importedReportInput(
  file: { fileName: string; bytes: Uint8Array },
  reading: ReadResult & { year: number },
  organization: { id: string; name: string; kind: OrganizationKind },
  importer: Pick<ImportedReportInput, "origin" | "organizationWarning" | "actor" | "importId">,
): Promise<ImportedReportInput> {
  return {
    organization: { id: organization.id, name: organization.name },
    reading,
    summary: await summarizeImport(file.fileName, reading, organization),
    fileName: file.fileName,
    fileBytes: file.bytes,
    ...importer,
    now: new Date(),
  };
}

/** The authorization step of both history-import operations: only the organization's own clerk. */
export async function authorizeHistoryImport(actor: Actor, upload: { organizationId: string | null }): Promise<string> {
  authorize(actor, "report.importHistory", { organizationId: upload.organizationId });
  // The policy allows only the organization's own clerk, so there is an organization.
  return upload.organizationId!;
}

/**
 * The reading of the uploaded file. A file that was not read at all (too large, not text,
 * damaged, a zip bomb, markup too deep, stopped at the reading pool's time or memory
 * limit) has nothing to preview: it is refused as bad input with the reader's message.
 * A full reading pool answers busy (503) rather than queueing the clerk without end.
 */
async function readUploadedFile(upload: HistoryImportUpload): Promise<ReadResult> {
  let reading: ReadResult;
  try {
    reading = await readUpload(upload.fileName, upload.bytes);
  } catch (error) {
    if (error instanceof ReadersBusyError) throw new AppError("UNAVAILABLE", error.message);
    throw error;
  }
  if (reading.status === "refused") {
    const messages = reading.problems.filter((problem) => problem.severity === "error").map((p) => p.message);
    throw new AppError("INVALID_INPUT", messages.join("；") || "文件无法读取为年度报告。");
  }
  return reading;
}

/** What importing the file would do, with the rule engine's findings on what was read. */
export const previewHistoryImport = defineOperation({
  name: "previewHistoryImport",
  action: "report.importHistory",
  authorize: (actor: Actor, upload: HistoryImportUpload) => authorizeHistoryImport(actor, upload),
  run: (_authorized, _actor, upload) => previewOf(upload),
});

async function previewOf(upload: HistoryImportUpload): Promise<HistoryImportPreview> {
  const { reading, organization, currentYear, refusals, organizationWarning, replacesImport, correctsPublication } =
    await assessHistoryImport(upload);
  return {
    reading: await summarizeImport(upload.fileName, reading, organization),
    organizationName: organization.name,
    currentYear,
    refusals,
    organizationWarning,
    replacesImport,
    correctsPublication,
  };
}
