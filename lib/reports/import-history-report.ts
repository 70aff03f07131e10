import "server-only";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import {
  assessHistoryImport,
  authorizeHistoryImport,
  importedReportInput,
  type HistoryImportUpload,
} from "./preview-history-import";
import { writeImportedReport } from "./write-imported-report";

/**
 * A clerk imports their organization's report of a past year from its published file, so
 * that year's figures are on record (the year-to-year checks and the wizard's carry-over
 * start from it). The clerk never publishes: the report goes to the county's reviewers as
 * submitted, with the file, what was read and the findings, and is public only once a
 * reviewer confirms it (lib/reports/confirm-imported-report.ts). An earlier import of that
 * year nobody has typed over is replaced — for a published one, as a correction that keeps
 * the published version online until confirmed; anything else is refused and nothing is
 * written. A title naming another body needs the clerk's confirmation, and the reviewer sees
 * the warning the clerk confirmed past.
 */
export const importHistoryReport = defineOperation({
  name: "importHistoryReport",
  action: "report.importHistory",
  authorize: (actor: Actor, upload: HistoryImportUpload & { confirmOrganization: boolean }) =>
    authorizeHistoryImport(actor, upload),
  run: (_authorized, actor, upload) => importHistory(actor, upload),
});

async function importHistory(
  actor: Actor,
  upload: HistoryImportUpload & { confirmOrganization: boolean },
): Promise<{ reportId: string; year: number; replaced: boolean; isCorrection: boolean }> {
  const { reading, organization, existing, refusals, organizationWarning, replacesImport } =
    await assessHistoryImport(upload);
  if (refusals.length > 0) throw new AppError("INVALID_INPUT", refusals.join(" "));
  if (organizationWarning && !upload.confirmOrganization) throw new AppError("INVALID_INPUT", organizationWarning);
  if (reading.status !== "read" || reading.year === null)
    throw new AppError("INVALID_INPUT", "文件无法读取为年度报告。");
  const { reportId, isCorrection } = await writeImportedReport(
    await importedReportInput(upload, { ...reading, year: reading.year }, organization, {
      origin: "clerkUpload",
      organizationWarning,
      actor,
    }),
    existing && replacesImport ? existing : null,
  );
  return { reportId, year: reading.year, replaced: replacesImport, isCorrection };
}
