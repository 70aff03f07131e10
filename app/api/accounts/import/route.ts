// A county's list of accounts, uploaded as .xlsx or .csv: every account created, or none and
// each bad row answered. The answer carries the initial passwords, once.
import { MAX_SPREADSHEET_BYTES } from "@/lib/import/spreadsheet";
import { importAccounts } from "@/lib/accounts/import-accounts";
import { authorize } from "@/lib/server/authorize";
import { defineRoute } from "@/lib/server/define-route";
import { AppError } from "@/lib/server/errors";
import { FORM_OVERHEAD_BYTES, readMultipartBody, uploadedFiles } from "../../import/read-multipart-body";

export const POST = defineRoute({
  name: "importAccounts",
  action: "account.import",
  // Asked before the body is read: only administrators get to upload anything.
  authorize: async ({ actor }) => authorize(actor, "account.import", null),
  run: async ({ request, actor }) => {
    const form = await readMultipartBody(request, MAX_SPREADSHEET_BYTES + FORM_OVERHEAD_BYTES);
    const countyId = form.get("countyId");
    if (typeof countyId !== "string" || !countyId) throw new AppError("INVALID_INPUT", "请选择一个县（区）。");
    const [file, ...more] = await uploadedFiles(form, "file");
    if (!file || more.length > 0) throw new AppError("INVALID_INPUT", "请选择一个账号名单文件（.xlsx 或 .csv）。");
    const result = await importAccounts(actor, { countyId, fileName: file.fileName, bytes: file.bytes });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  },
});
