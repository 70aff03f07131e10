// A clerk's previous-year report file: `intent=preview` reads it and says what importing
// would do; `intent=import` (the same file again, with `confirmOrganization` when the title
// names another body) stores it. Stateless: the server never trusts a preview it sent.
import { z } from "zod";
import { MAX_UPLOAD_FILE_BYTES } from "@/lib/import/upload-limits";
import { importHistoryReport } from "@/lib/reports/import-history-report";
import { authorizeHistoryImport, previewHistoryImport } from "@/lib/reports/preview-history-import";
import { defineRoute } from "@/lib/server/define-route";
import { AppError } from "@/lib/server/errors";
import { FORM_OVERHEAD_BYTES, readMultipartBody, uploadedFiles } from "../read-multipart-body";

const fields = z.strictObject({
  intent: z.enum(["preview", "import"], { error: "请求无效" }),
  confirmOrganization: z.enum(["true", "false"]).default("false"),
});

export const POST = defineRoute({
  name: "importHistory",
  action: "report.importHistory",
  // Asked before the body is read: nobody but the organization's own clerk uploads anything.
  // The preview and the import ask the same question again as their own first step.
  authorize: ({ actor }) => authorizeHistoryImport(actor, { organizationId: actor?.organizationId ?? null }),
  run: async ({ request, actor, loaded: organizationId }) => {
    const form = await readMultipartBody(request, MAX_UPLOAD_FILE_BYTES + FORM_OVERHEAD_BYTES);
    const parsed = fields.safeParse({
      intent: form.get("intent") ?? undefined,
      confirmOrganization: form.get("confirmOrganization") ?? undefined,
    });
    if (!parsed.success) throw new AppError("INVALID_INPUT");
    const files = await uploadedFiles(form, "file");
    if (files.length !== 1) throw new AppError("INVALID_INPUT", "请选择一个报告文件。");
    const upload = { organizationId, fileName: files[0]!.fileName, bytes: files[0]!.bytes, today: new Date() };
    const headers = { "Cache-Control": "no-store" };
    if (parsed.data.intent === "preview")
      return Response.json({ preview: await previewHistoryImport(actor, upload) }, { headers });
    const result = await importHistoryReport(actor, {
      ...upload,
      confirmOrganization: parsed.data.confirmOrganization === "true",
    });
    return Response.json(result, { headers });
  },
});
