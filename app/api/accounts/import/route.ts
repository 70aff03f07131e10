// A county's list of accounts, uploaded as .xlsx or .csv: every account created, or none and
// each bad row answered. The answer carries the initial passwords, once.
import { MAX_SPREADSHEET_BYTES } from "@/lib/import/spreadsheet";
import { importAccounts } from "@/lib/accounts/import-accounts";
import { AppError } from "@/lib/server/errors";
import { defineUploadRoute, uploadCountyId } from "../../import/define-upload-route";
import { uploadedFiles } from "../../import/read-multipart-body";

export const POST = defineUploadRoute({
  name: "importAccounts",
  action: "account.import",
  maxUploadBytes: MAX_SPREADSHEET_BYTES,
  run: async ({ form, actor }) => {
    const countyId = uploadCountyId(form);
    const [file, ...more] = await uploadedFiles(form, "file");
    if (!file || more.length > 0) throw new AppError("INVALID_INPUT", "请选择一个账号名单文件（.xlsx 或 .csv）。");
    return importAccounts(actor, { countyId, fileName: file.fileName, bytes: file.bytes });
  },
});
