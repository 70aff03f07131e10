import type { Metadata } from "next";
import { ImportPageFrame } from "@/components/import/import-page-frame";
import { accountColumns, MAX_ACCOUNT_IMPORT_ROWS } from "@/lib/account-data/account-import-columns";
import { MAX_SPREADSHEET_BYTES, SPREADSHEET_EXTENSIONS } from "@/lib/import/spreadsheet";
import { formatMegabytes } from "@/lib/import/upload-limits";
import { listAdministeredUnits } from "@/lib/accounts/list-administered-units";
import { loadStaffPage } from "@/lib/server/page-guard";
import { AccountImportForm } from "./account-import-form";

export const metadata: Metadata = { title: "批量导入账号" };

export default async function AccountImportPage() {
  const { units } = await loadStaffPage({
    page: "/admin/accounts/import",
    action: "account.import",
    load: async ({ actor }) => ({ units: await listAdministeredUnits(actor) }),
  });
  return (
    <ImportPageFrame
      back={{ href: "/admin/accounts", name: "账号管理" }}
      title="批量导入账号"
      lead="上传一个县（区）的账号名单，为其中每个人创建账号。任何一行有问题时不创建任何账号，并逐行列出问题，改正后重新上传即可。"
      requirements={[
        <>
          支持 {SPREADSHEET_EXTENSIONS.join("、")} 格式，不超过 {formatMegabytes(MAX_SPREADSHEET_BYTES)}，一次最多{" "}
          {MAX_ACCOUNT_IMPORT_ROWS} 个账号；不读取公式，含宏的工作簿不能上传。
        </>,
        <>
          第一行是列标题：
          {accountColumns.map((column) => `${column.header}${column.isRequired ? "" : "（选填）"}`).join("、")}。
          <a href="/api/accounts/import/template" download>
            下载模板
          </a>
        </>,
        "角色填写 填报人员、审核人员 或 县级管理员；单位填写系统中单位的全称。",
        "导入成功后，每个账号的初始密码只显示这一次，请下载清单妥善保管并分发给本人。",
      ]}
    >
      <AccountImportForm
        counties={units
          .filter((unit) => unit.kind === "COUNTY" && !unit.isRetired)
          .map((unit) => ({ id: unit.id, name: unit.name }))}
      />
    </ImportPageFrame>
  );
}
