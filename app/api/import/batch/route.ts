// An administrator's batch import for one county: many report files, one result per file.
// importReportBatch asks the policy about admin.importBatch again as its own first step.
import { MAX_BATCH_TOTAL_BYTES } from "@/lib/import/upload-limits";
import { importReportBatch } from "@/lib/reports/import-report-batch";
import { defineUploadRoute, uploadCountyId } from "../define-upload-route";
import { uploadedFiles } from "../read-multipart-body";

export const POST = defineUploadRoute({
  name: "importBatch",
  action: "admin.importBatch",
  maxUploadBytes: MAX_BATCH_TOTAL_BYTES,
  run: async ({ form, actor }) => ({
    results: await importReportBatch(actor, {
      countyId: uploadCountyId(form),
      files: await uploadedFiles(form, "files"),
      today: new Date(),
    }),
  }),
});
