import { z } from "zod";
import { getReport } from "@/lib/reports/get-report";
import { defineRoute } from "@/lib/server/define-route";

export const dynamic = "force-dynamic";

/** A report's current data as JSON, for the people allowed to read it. */
export const GET = defineRoute({
  name: "reportData",
  params: z.object({ id: z.string() }),
  action: "report.read",
  authorize: ({ params, actor }) => getReport(actor, params.id),
  run: async ({ loaded: { report } }) =>
    Response.json(
      {
        id: report.id,
        organization: report.organization.name,
        year: report.year,
        layout: report.templateId,
        layoutVersion: report.templateVersion,
        status: report.status,
        version: report.version,
        data: report.data,
      },
      { headers: { "Cache-Control": "private, no-store" } },
    ),
});
