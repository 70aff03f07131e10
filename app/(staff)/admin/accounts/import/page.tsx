import { accountColumns, MAX_ACCOUNT_IMPORT_ROWS } from "@/lib/account-data/account-import-columns";
import { MAX_SPREADSHEET_BYTES, SPREADSHEET_EXTENSIONS } from "@/lib/import/spreadsheet";
import { formatMegabytes } from "@/lib/import/upload-limits";
import { defineImportPage } from "../../import-page";
import { AccountImportForm } from "./account-import-form";

const { metadata, ImportPage } = defineImportPage({
  page: "/admin/accounts/import",
  action: "account.import",
  title: "批量导入账号",
  lead: "上传一个县（区）的账号名单，为其中每个人创建账号。任何一行有问题时不创建任何账号，并逐行列出问题，改正后重新上传即可。",
  requirements: [
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
  ],
  back: { href: "/admin/accounts", name: "账号管理" },
  form: (counties) => <AccountImportForm counties={counties} />,
});

export { metadata };
export default ImportPage;
