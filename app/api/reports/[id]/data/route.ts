import { getReport } from "@/lib/reports/get-report";
import { defineRoute } from "@/lib/server/define-route";

export const dynamic = "force-dynamic";

/** A report's current data as JSON, for the people allowed to read it. */
export const GET = defineRoute<{ id: string }>("reportData", async ({ params, actor }) => {
  const { report } = await getReport(actor, params.id);
  return Response.json(
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
  );
});
