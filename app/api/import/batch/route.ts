// An administrator's batch import for one county: many report files, one result per file.
import { z } from "zod";
import { MAX_BATCH_TOTAL_BYTES } from "@/lib/import/upload-limits";
import { importReportBatch } from "@/lib/reports/import-report-batch";
import { authorize } from "@/lib/server/authorize";
import { defineRoute } from "@/lib/server/define-route";
import { AppError } from "@/lib/server/errors";
import { FORM_OVERHEAD_BYTES, readMultipartBody, uploadedFiles } from "../read-multipart-body";

const countyId = z.uuid({ error: "请选择一个县（区）。" });

export const POST = defineRoute({
  name: "importBatch",
  action: "admin.importBatch",
  // Asked before the body is read: nobody but an administrator gets to upload anything.
  // importReportBatch asks the same question again as its own first step.
  authorize: async ({ actor }) => authorize(actor, "admin.importBatch", null),
  run: async ({ request, actor }) => {
    const form = await readMultipartBody(request, MAX_BATCH_TOTAL_BYTES + FORM_OVERHEAD_BYTES);
    const county = countyId.safeParse(form.get("countyId"));
    if (!county.success) throw new AppError("INVALID_INPUT", "请选择一个县（区）。");
    const results = await importReportBatch(actor, {
      countyId: county.data,
      files: await uploadedFiles(form, "files"),
      today: new Date(),
    });
    return Response.json({ results }, { headers: { "Cache-Control": "no-store" } });
  },
});
