import "server-only";
import type { z } from "zod";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport } from "./authorize-report";
import { publishReportInput, publishThrough } from "./publish-report";

/** The report, the version the reviewer saw, and the 更正说明 when it corrects a published report. */
export const confirmImportInput = publishReportInput;

/**
 * A county reviewer confirms an imported report (a clerk's upload or an administrator's
 * batch) after checking it against its source file: it is published as read, through the
 * same publication as an approved report (the `confirmImport` row: the policy allows it only
 * on a report awaiting the confirmation of an import, and only to the county's reviewers).
 * When the report was published before, this is the correction's publication and needs its
 * 更正说明; until now the public saw the earlier version.
 */
export const confirmImportedReport = defineOperation({
  name: "confirmImportedReport",
  action: "report.transition",
  authorize: (actor: Actor, input: z.infer<typeof confirmImportInput>) =>
    authorizeReport(actor, "report.transition", input.reportId, { transition: "confirmImport" }),
  run: (authorized, actor, input) => publishThrough(authorized, actor, "confirmImport", input),
});
