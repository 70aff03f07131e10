// The report's tables as an .xlsx (GET, `?figures=1` with the draft's figures) and a filled
// one read back for the wizard's preview (POST, multipart `file`). The POST writes nothing:
// the clerk confirms in the wizard, and the figures are saved by saveDraftAction.
import { z } from "zod";
import { XLSX_CONTENT_TYPE } from "@/lib/import/server";
import { MAX_SPREADSHEET_BYTES } from "@/lib/import/spreadsheet";
import { contentDisposition } from "@/lib/publications/serve-publication";
import { authorizeReport } from "@/lib/reports/authorize-report";
import { downloadReportWorkbook } from "@/lib/reports/download-report-workbook";
import { getReport } from "@/lib/reports/get-report";
import { previewWorkbookUpload } from "@/lib/reports/preview-workbook-upload";
import { defineRoute } from "@/lib/server/define-route";
import { AppError } from "@/lib/server/errors";
import { FORM_OVERHEAD_BYTES, readMultipartBody, uploadedFiles } from "../../../import/read-multipart-body";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string() });

export const GET = defineRoute({
  name: "downloadReportWorkbook",
  params,
  action: "report.read",
  authorize: ({ params, actor }) => getReport(actor, params.id),
  run: async ({ params, actor, request }) => {
    const withFigures = new URL(request.url).searchParams.get("figures") === "1";
    const file = await downloadReportWorkbook(actor, { reportId: params.id, withFigures });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": XLSX_CONTENT_TYPE,
        "Content-Disposition": contentDisposition("attachment", file.fileName, file.asciiName),
        "Cache-Control": "private, no-store",
      },
    });
  },
});

export const POST = defineRoute({
  name: "previewWorkbookUpload",
  params,
  action: "report.edit",
  // Asked before the body is read: only the report's clerk, while it is editable, uploads.
  authorize: ({ params, actor }) => authorizeReport(actor, "report.edit", params.id),
  run: async ({ params, actor, request }) => {
    const form = await readMultipartBody(request, MAX_SPREADSHEET_BYTES + FORM_OVERHEAD_BYTES);
    const files = await uploadedFiles(form, "file");
    if (files.length !== 1) throw new AppError("INVALID_INPUT", "请选择一个填好的 .xlsx 表格文件。");
    const preview = await previewWorkbookUpload(actor, { reportId: params.id, ...files[0]! });
    return Response.json({ preview }, { headers: { "Cache-Control": "no-store" } });
  },
});
