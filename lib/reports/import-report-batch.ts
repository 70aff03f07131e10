import "server-only";
import { z } from "zod";
import { matchOrganizationByName } from "@/lib/import";
import type { OrganizationKind } from "@/lib/report-data";
import { readUpload, ReadersBusyError } from "@/lib/import/server";
import { MAX_BATCH_FILES, MAX_BATCH_TOTAL_BYTES, formatMegabytes } from "@/lib/import/upload-limits";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError, isAppError } from "@/lib/server/errors";
import { organizationFilter } from "@/lib/server/organization-scope";
import { subtreeOf, type Actor } from "@/lib/workflow/policy";
import { statusLabels, type ReportStatus } from "@/lib/workflow/transitions";
import { FIRST_IMPORT_YEAR, importedReportInput } from "./preview-history-import";
import { reportingYear } from "./reporting-year";
import { writeImportedReport } from "./write-imported-report";

export type BatchFile = { fileName: string; bytes: Uint8Array };

/** What became of one file of a batch (kept in its job's detail, lib/jobs/import-batch-job.ts). */
export const batchFileResultSchema = z.object({
  fileName: z.string(),
  outcome: z.enum(["imported", "skipped", "unreadable"]),
  /** zh-CN: why skipped, or the reader's message when unreadable. */
  reason: z.string().nullable(),
  organizationName: z.string().nullable(),
  year: z.number().int().nullable(),
  layoutId: z.string().nullable(),
  reportId: z.string().nullable(),
  /** Reading problems (missing rows, sections…) of an imported file: kept as read, for the reviewer. */
  problemCount: z.number().int(),
});

export type BatchFileResult = z.infer<typeof batchFileResultSchema>;

export type BatchImportInput = { countyId: string; files: readonly BatchFile[]; today: Date };

/**
 * An administrator imports the published reports of one county's bodies, many files at
 * once. Each file is read, matched to an organization of the county's subtree by the name
 * in its title, and stored as that body's report of its year unless the body already has
 * one for that year. The administrator does not publish either: each imported report waits
 * in the county reviewers' queue as submitted (with its file, what was read and the
 * findings) until a reviewer of that county confirms it, exactly like a clerk's import.
 * One file's failure never stops the others; each gets a result.
 */
export const importReportBatch = defineOperation({
  name: "importReportBatch",
  action: "admin.importBatch",
  authorize: async (actor: Actor, _input: BatchImportInput) => authorize(actor, "admin.importBatch", null),
  run: (_authorized, actor, input) => importBatch(actor, input),
});

async function importBatch(actor: Actor, input: BatchImportInput): Promise<BatchFileResult[]> {
  const batch = await prepareBatch(input);
  const results: BatchFileResult[] = [];
  for (const file of input.files) results.push(await importBatchFile(actor, batch, file));
  return results;
}

/** What every file of one batch is matched against: the county, its bodies, the current year. */
export type PreparedBatch = {
  county: { id: string; name: string };
  candidates: { id: string; name: string; kind: OrganizationKind; countyNames: string[] }[];
  currentYear: number;
};

/**
 * Everything that refuses a batch as a whole (zh-CN INVALID_INPUT): no county, no files, too
 * many, too large together. Answers what its files are matched against.
 */
export async function prepareBatch(input: {
  countyId: string;
  files: readonly { bytes: Uint8Array }[];
  today: Date;
}): Promise<PreparedBatch> {
  const county = await db.organization.findUnique({
    where: { id: input.countyId },
    select: { id: true, name: true, kind: true },
  });
  if (!county || county.kind !== "COUNTY") throw new AppError("INVALID_INPUT", "请选择一个县（区）。");
  if (input.files.length === 0) throw new AppError("INVALID_INPUT", "请选择要导入的报告文件。");
  if (input.files.length > MAX_BATCH_FILES)
    throw new AppError(
      "INVALID_INPUT",
      `一次最多导入 ${MAX_BATCH_FILES} 个文件，本次选择了 ${input.files.length} 个。`,
    );
  const total = input.files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > MAX_BATCH_TOTAL_BYTES)
    throw new AppError(
      "INVALID_INPUT",
      `文件合计 ${formatMegabytes(total)}，超过一次导入的上限 ${formatMegabytes(MAX_BATCH_TOTAL_BYTES)}。`,
    );

  const below = await db.organization.findMany({
    where: { AND: [await organizationFilter(subtreeOf(county.id)), { id: { not: county.id } }] },
    select: { id: true, name: true, kind: true },
  });
  const candidates = [
    { id: county.id, name: county.name, kind: county.kind, countyNames: [] },
    ...below.map((organization) => ({ ...organization, countyNames: [county.name] })),
  ];
  return { county, candidates, currentYear: reportingYear(input.today) };
}

/**
 * One file of a batch: read in the reading pool, matched, and imported unless its body has a
 * report of that year. `importId` fixes the ReportImport's id (a job's retry finds it). A
 * full reading pool throws UNAVAILABLE with the pool's message when `whenBusy` is "throw" (a
 * job tries again later), else the file is answered unreadable with it.
 */
export async function importBatchFile(
  actor: Actor,
  { county, candidates, currentYear }: PreparedBatch,
  file: BatchFile,
  options: { importId?: string; whenBusy?: "throw" | "answer" } = {},
): Promise<BatchFileResult> {
  const base = {
    fileName: file.fileName,
    organizationName: null,
    year: null,
    layoutId: null,
    reportId: null,
    problemCount: 0,
  };
  // Each file goes through the same reading pool, with the same limits, as a clerk's upload.
  let reading: Awaited<ReturnType<typeof readUpload>>;
  try {
    reading = await readUpload(file.fileName, file.bytes);
  } catch (error) {
    if (!(error instanceof ReadersBusyError)) throw error;
    if (options.whenBusy === "throw") throw new AppError("UNAVAILABLE", error.message);
    return { ...base, outcome: "unreadable", reason: error.message };
  }
  if (reading.status !== "read") {
    const message = reading.problems
      .filter((problem) => problem.severity === "error")
      .map((problem) => problem.message)
      .join("；");
    return { ...base, outcome: "unreadable", reason: message || "文件无法读取为年度报告" };
  }
  const read = { ...base, year: reading.year, layoutId: reading.layoutId, problemCount: reading.problems.length };
  const skip = (reason: string, organizationName: string | null = null): BatchFileResult => ({
    ...read,
    organizationName,
    outcome: "skipped",
    reason,
  });
  if (reading.year === null) return skip("未能读出报告年度");
  if (reading.year >= currentYear)
    return skip(`${reading.year} 年度尚未结束或正在填报，只能导入 ${currentYear} 年以前的报告`);
  if (reading.year < FIRST_IMPORT_YEAR) return skip(`系统只支持 ${FIRST_IMPORT_YEAR} 年及以后的报告`);
  const match = matchOrganizationByName(reading.organizationName, candidates);
  if (!match.organization) {
    const printed = reading.organizationName;
    return skip(
      match.reason === "noName"
        ? "未能从标题中读出机关名称"
        : match.reason === "ambiguous"
          ? `“${printed}”可对应${county.name}的多个单位，请单独导入`
          : `${county.name}下没有名为“${printed}”的单位`,
    );
  }
  const organization = match.organization;
  const existing = await db.report.findUnique({
    where: { organizationId_year: { organizationId: organization.id, year: reading.year } },
    select: { status: true },
  });
  if (existing)
    return skip(
      `已有 ${reading.year} 年度报告（${statusLabels[existing.status as ReportStatus] ?? existing.status}），未覆盖`,
      organization.name,
    );
  try {
    const { reportId } = await writeImportedReport(
      await importedReportInput(file, { ...reading, year: reading.year }, organization, {
        origin: "adminBatch",
        // Matched by the name in its title: no other body's name to confirm past.
        organizationWarning: null,
        actor,
        importId: options.importId,
      }),
      null,
    );
    return { ...read, organizationName: organization.name, outcome: "imported", reason: null, reportId };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return skip(error.userMessage, organization.name);
  }
}
