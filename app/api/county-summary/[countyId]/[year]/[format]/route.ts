import { z } from "zod";
import { contentDisposition } from "@/lib/publications/serve-publication";
import { getCountySummary } from "@/lib/reports/get-county-summary";
import { renderCountySummary, summaryFormats } from "@/lib/reports/render-county-summary";
import { defineRoute } from "@/lib/server/define-route";

export const dynamic = "force-dynamic";

/** The county summary (全县汇总) as CSV or PDF, for those who may read the summary page. */
export const GET = defineRoute({
  name: "countySummaryDownload",
  params: z.object({
    countyId: z.string().max(100),
    year: z.coerce.number().int().min(2000).max(2100),
    format: z.enum(summaryFormats),
  }),
  action: "summary.read",
  authorize: ({ params, actor }) => getCountySummary(actor, params.countyId, params.year),
  run: async ({ params, loaded }) => {
    const file = await renderCountySummary(loaded, params.format);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": contentDisposition("attachment", file.fileName, `county-summary.${params.format}`),
        "Cache-Control": "private, no-store",
      },
    });
  },
});
