// The template of a list of accounts: the columns the import reads, two example rows, notes.
import { accountColumns, MAX_ACCOUNT_IMPORT_ROWS } from "@/lib/account-data/account-import-columns";
import { defineTemplateRoute } from "@/lib/server/define-template-route";

export const GET = defineTemplateRoute({
  name: "accountImportTemplate",
  action: "account.import",
  template: {
    sheetName: "账号",
    columns: accountColumns.map((column) => ({ header: column.header, width: column.key === "unit" ? 28 : 16 })),
    examples: [
      ["dongfeng-li", "李明", "董封乡人民政府", "填报人员", "13812345678"],
      ["yangcheng-wang", "王芳", "阳城县", "审核人员", ""],
    ],
    notes: [
      "每行一个账号；第一行是列标题，请不要修改。示例行请删除。",
      "用户名：登录用，3～40 个字符，小写字母、数字和 . _ -，以字母或数字开头；不能与已有账号重复。",
      "姓名：不超过 50 个字。",
      "单位：填写本县（区）单位的全称，与系统中的单位名称一致；审核人员和县级管理员填写县（区）本身的名称。",
      "角色：填报人员、审核人员或县级管理员。",
      "联系电话：选填，手机或座机。",
      `一次最多导入 ${MAX_ACCOUNT_IMPORT_ROWS} 个账号。任何一行有问题时不导入任何账号，并逐行列出问题。`,
      "请不要使用公式；导入成功后，系统为每个账号生成初始密码，只显示一次，可下载清单。",
    ],
  },
  fileName: "账号导入模板.xlsx",
  asciiName: "account-template.xlsx",
});
