// An administrator's batch import for one county: many report files, one result per file.
import { z } from "zod";
import { MAX_BATCH_TOTAL_BYTES } from "@/lib/import/upload-limits";
import { importReportBatch } from "@/lib/reports/import-report-batch";
import { authorize } from "@/lib/server/authorize";
import { defineRoute } from "@/lib/server/define-route";
import { AppError } from "@/lib/server/errors";
import { FORM_OVERHEAD_BYTES, readMultipartBody, uploadedFiles } from "../read-multipart-body";

const countyId = z.uuid({ error: "请选择一个县（区）。" });

export const POST = defineRoute<Record<string, never>>("importBatch", async ({ request, user, actor }) => {
  if (!user) throw new AppError("UNAUTHENTICATED");
  // Only administrators get past this before the body is read (the county is in the body).
  authorize(actor, "admin.manage", null, "FORBIDDEN");
  const form = await readMultipartBody(request, MAX_BATCH_TOTAL_BYTES + FORM_OVERHEAD_BYTES);
  const county = countyId.safeParse(form.get("countyId"));
  if (!county.success) throw new AppError("INVALID_INPUT", "请选择一个县（区）。");
  // importReportBatch asks the policy about this county itself.
  const results = await importReportBatch(actor, {
    countyId: county.data,
    files: await uploadedFiles(form, "files"),
    today: new Date(),
  });
  return Response.json({ results }, { headers: { "Cache-Control": "no-store" } });
});
