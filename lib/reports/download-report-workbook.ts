import "server-only";
import { z } from "zod";
import { writeReportWorkbook } from "@/lib/import/server";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport } from "./authorize-report";
import { layoutOf, parseStoredData } from "./evaluate-stored-report";

export const downloadReportWorkbookInput = z.strictObject({
  reportId: z.string(),
  /** true: the draft's figures; false: the blank form. */
  withFigures: z.boolean(),
});

export type DownloadReportWorkbookInput = z.infer<typeof downloadReportWorkbookInput>;

/**
 * The report's tables as an .xlsx to fill in Excel, WPS or LibreOffice
 * (lib/import/spreadsheet/write-report-workbook.ts), blank or with the stored figures, for
 * whoever may read the report. The file is named after the body and year.
 */
export const downloadReportWorkbook = defineOperation({
  name: "downloadReportWorkbook",
  action: "report.read",
  authorize: (actor: Actor, input: DownloadReportWorkbookInput) =>
    authorizeReport(actor, "report.read", input.reportId),
  run: async ({ report }, _actor, input: DownloadReportWorkbookInput) => {
    const layout = layoutOf(report);
    const data = parseStoredData(layout, report.data);
    const bytes = await writeReportWorkbook(layout, data, {
      organizationName: report.organization.name,
      year: report.year,
      withFigures: input.withFigures,
    });
    const kind = input.withFigures ? "含已填数字" : "空白";
    return {
      bytes,
      fileName: `${report.organization.name}${report.year}年度报告表格（${kind}）.xlsx`,
      asciiName: `report-${report.year}-tables${input.withFigures ? "" : "-blank"}.xlsx`,
    };
  },
});
