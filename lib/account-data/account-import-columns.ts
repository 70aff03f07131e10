// The columns of a list of accounts to import, as the template names them and the import
// recognises them, and the cap on its rows. Universal: the import page shows them.
import { roleLabels, roles, type Role } from "@/lib/workflow/roles";

export type AccountColumn = "username" | "name" | "unit" | "role" | "phone";

export const accountColumns: readonly {
  key: AccountColumn;
  header: string;
  isRequired: boolean;
  aliases: readonly string[];
}[] = [
  { key: "username", header: "用户名", isRequired: true, aliases: ["用户名", "登录名", "账号"] },
  { key: "name", header: "姓名", isRequired: true, aliases: ["姓名", "名字"] },
  { key: "unit", header: "单位", isRequired: true, aliases: ["单位", "单位名称", "所属单位"] },
  { key: "role", header: "角色", isRequired: true, aliases: ["角色"] },
  { key: "phone", header: "联系电话", isRequired: false, aliases: ["联系电话", "电话", "手机", "手机号", "手机号码"] },
];

/** Accounts in one list. A county has a few hundred; the reader's own cap is higher. */
export const MAX_ACCOUNT_IMPORT_ROWS = 1_000;

/** A header cell as the columns are matched: spaces, brackets' contents and punctuation aside. */
function headerKey(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/[\s*＊:：]/g, "")
    .trim();
}

/** Which column of the header holds each field; a column not found is missing. */
export function locateAccountColumns(header: readonly string[]): {
  columns: Partial<Record<AccountColumn, number>>;
  missing: string[];
} {
  const keys = header.map(headerKey);
  const columns: Partial<Record<AccountColumn, number>> = {};
  for (const column of accountColumns) {
    const index = keys.findIndex((key) => column.aliases.includes(key));
    if (index >= 0) columns[column.key] = index;
  }
  const missing = accountColumns.filter((column) => column.isRequired && columns[column.key] === undefined);
  return { columns, missing: missing.map((column) => column.header) };
}

/** A role as a list names it: its label (填报人员) or its code (CLERK). */
export function roleFromCell(text: string): Role | null {
  const cleaned = text.replace(/\s/g, "");
  const byLabel = roles.find((role) => roleLabels[role] === cleaned);
  if (byLabel) return byLabel;
  const byCode = roles.find((role) => role === cleaned.toUpperCase());
  return byCode ?? null;
}
