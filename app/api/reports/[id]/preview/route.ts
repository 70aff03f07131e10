import { z } from "zod";
import { contentDisposition } from "@/lib/publications/serve-publication";
import { documentDateField, MAX_CORRECTION_NOTE_LENGTH } from "@/lib/reports/publish-report";
import { getReport } from "@/lib/reports/get-report";
import { previewReportPdf } from "@/lib/reports/preview-report-pdf";
import { defineRoute } from "@/lib/server/define-route";
import { AppError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

const previewChoices = z.strictObject({
  documentDate: documentDateField.optional(),
  correctionNote: z.string().max(MAX_CORRECTION_NOTE_LENGTH).optional(),
});

async function answer(preview: Awaited<ReturnType<typeof previewReportPdf>>): Promise<Response> {
  return new Response(new Uint8Array(preview.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition("inline", preview.fileName, "draft.pdf"),
      "Cache-Control": "private, no-store",
      "X-Page-Count": String(preview.pageCount),
      // zh-CN messages, percent-encoded: headers carry ASCII only.
      "X-Publication-Problems": encodeURIComponent(JSON.stringify(preview.problems)),
      "X-Document-Date": preview.documentDate ?? "",
    },
  });
}

/** The 样稿 PDF of a report as publishing it now would freeze it (the clerk's and the reviewer's preview). */
export const GET = defineRoute({
  name: "reportPreviewPdf",
  params: z.object({ id: z.string() }),
  action: "report.read",
  authorize: ({ params, actor }) => getReport(actor, params.id),
  run: async ({ params, actor }) => answer(await previewReportPdf(actor, { reportId: params.id })),
});

/** The same, with the 成文日期 and 更正说明 the reviewer is about to publish with. */
export const POST = defineRoute({
  name: "reportPreviewPdfWithChoices",
  params: z.object({ id: z.string() }),
  action: "report.read",
  authorize: ({ params, actor }) => getReport(actor, params.id),
  run: async ({ params, actor, request }) => {
    const parsed = previewChoices.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "预览参数无效。");
    return answer(await previewReportPdf(actor, { reportId: params.id, ...parsed.data }));
  },
});
