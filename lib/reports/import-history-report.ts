import "server-only";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { assessHistoryImport, authorizeHistoryImport, type HistoryImportUpload } from "./preview-history-import";
import { writeImportedReport } from "./write-imported-report";

/**
 * A clerk imports their organization's report of a past year from its published file, so
 * that year's figures are on record (the year-to-year checks and the wizard's carry-over
 * start from it) and it is in the public catalogue. Stored as a published report with its
 * publication snapshot; an earlier import of that year nobody has worked on is replaced by
 * a new published version; anything else is refused and nothing is written.
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
): Promise<{ reportId: string; year: number; replaced: boolean }> {
  const { reading, organization, existing, refusals, organizationWarning, replacesImport } =
    await assessHistoryImport(upload);
  if (refusals.length > 0) throw new AppError("INVALID_INPUT", refusals.join(" "));
  if (organizationWarning && !upload.confirmOrganization) throw new AppError("INVALID_INPUT", organizationWarning);
  if (reading.status !== "read" || reading.year === null)
    throw new AppError("INVALID_INPUT", "文件无法读取为年度报告。");
  const { reportId } = await writeImportedReport(db, {
    organization: { id: organization.id, name: organization.name },
    reading: { ...reading, year: reading.year },
    fileName: upload.fileName,
    fileBytes: upload.bytes,
    origin: "clerkUpload",
    confirmedOrganizationMismatch: organizationWarning !== null,
    actorId: actor?.userId ?? null,
    now: new Date(),
    replacing: existing && replacesImport ? { reportId: existing.id, version: existing.version } : undefined,
  });
  return { reportId, year: reading.year, replaced: replacesImport };
}
