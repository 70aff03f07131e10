import { z } from "zod";
import { contentDisposition } from "@/lib/publications/serve-publication";
import { previewCountySummaryPdf } from "@/lib/reports/preview-county-summary-pdf";
import { authorizeSummaryPublication } from "@/lib/reports/publish-county-summary";
import { MAX_CORRECTION_NOTE_LENGTH } from "@/lib/reports/publish-report";
import { defineRoute } from "@/lib/server/define-route";
import { AppError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

const previewChoices = z.strictObject({
  correctionNote: z.string().max(MAX_CORRECTION_NOTE_LENGTH).optional(),
});

/**
 * The 样稿 PDF of the county's summary as publishing it now would freeze it, with the 更正说明
 * about to be published; its page count, what stops publication and the content hash the
 * publication is checked against come as headers (the confirmation step reads them).
 */
export const POST = defineRoute({
  name: "countySummaryPreviewPdf",
  params: z.object({ countyId: z.string().max(100), year: z.coerce.number().int().min(2000).max(2100) }),
  action: "summary.publish",
  authorize: ({ params, actor }) => authorizeSummaryPublication(actor, params.countyId),
  run: async ({ params, actor, request }) => {
    const parsed = previewChoices.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError("INVALID_INPUT", "预览参数无效。");
    const preview = await previewCountySummaryPdf(actor, {
      countyId: params.countyId,
      year: params.year,
      ...parsed.data,
    });
    return new Response(new Uint8Array(preview.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": contentDisposition("inline", preview.fileName, "summary-draft.pdf"),
        "Cache-Control": "private, no-store",
        "X-Page-Count": String(preview.pageCount),
        // zh-CN messages, percent-encoded: headers carry ASCII only.
        "X-Publication-Problems": encodeURIComponent(JSON.stringify(preview.problems)),
        "X-Content-Sha256": preview.contentSha256,
      },
    });
  },
});
