import "server-only";
import { readReportWorkbookUpload } from "@/lib/import/server";
import { placeWorkbookCells, type WorkbookUploadPreview } from "@/lib/import/spreadsheet/place-workbook-cells";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport } from "./authorize-report";
import { layoutOf } from "./evaluate-stored-report";

export type WorkbookUploadInput = { reportId: string; fileName: string; bytes: Uint8Array };

/**
 * A filled report workbook read for the draft's layout: the figures of its input cells and a
 * refusal per cell that cannot be read. Writes nothing: the clerk sees the changes in the
 * wizard and confirms them, and the figures then go through the one save path
 * (save-draft.ts, with its version check). A file that cannot be read at all is INVALID_INPUT
 * with the reader's zh-CN message. Only while the clerk may edit the report (report.edit).
 */
export const previewWorkbookUpload = defineOperation({
  name: "previewWorkbookUpload",
  action: "report.edit",
  authorize: (actor: Actor, input: WorkbookUploadInput) => authorizeReport(actor, "report.edit", input.reportId),
  run: async ({ report }, _actor, input: WorkbookUploadInput): Promise<WorkbookUploadPreview> => {
    const reading = await readReportWorkbookUpload(input.fileName, input.bytes);
    if (!reading.ok) throw new AppError("INVALID_INPUT", reading.message);
    const placed = placeWorkbookCells(layoutOf(report), reading);
    if (!placed.ok) throw new AppError("INVALID_INPUT", placed.message);
    return { ...placed, fileName: input.fileName };
  },
});
