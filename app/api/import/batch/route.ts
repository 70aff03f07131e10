// An administrator's batch import for one county: many report files, one result per file.
// The files are stored with a job of the queue (lib/jobs/import-batch-job.ts), which reads and
// imports them; the answer is the job, which the page follows. startBatchImport asks the policy
// about admin.importBatch again as its own first step.
import { startBatchImport } from "@/lib/jobs/import-batch-job";
import { MAX_BATCH_TOTAL_BYTES } from "@/lib/import/upload-limits";
import { defineUploadRoute, uploadCountyId } from "../define-upload-route";
import { uploadedFiles } from "../read-multipart-body";

export const POST = defineUploadRoute({
  name: "importBatch",
  action: "admin.importBatch",
  maxUploadBytes: MAX_BATCH_TOTAL_BYTES,
  run: async ({ form, actor }) => ({
    job: await startBatchImport(actor, {
      countyId: uploadCountyId(form),
      files: await uploadedFiles(form, "files"),
      today: new Date(),
    }),
  }),
});
