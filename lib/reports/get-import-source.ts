import "server-only";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport } from "./authorize-report";

/**
 * The file an import brought a report in from, for the county reviewer who confirms it
 * against what was read (the policy's report.readImportSource): the import the report's data
 * is now, else its latest one. A report no import brought in has none (NOT_FOUND).
 */
export const getImportSource = defineOperation({
  name: "getImportSource",
  action: "report.readImportSource",
  authorize: (actor: Actor, reportId: string) => authorizeReport(actor, "report.readImportSource", reportId),
  run: async ({ report }) => {
    const source = await db.reportImport.findFirst({
      where: report.importId ? { id: report.importId } : { reportId: report.id },
      orderBy: { createdAt: "desc" },
      select: { fileName: true, source: true, file: true, fileSha256: true },
    });
    if (!source) throw new AppError("NOT_FOUND");
    return source;
  },
});
