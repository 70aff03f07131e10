// The rows of an uploaded list of accounts → the accounts to create, or what is wrong with
// each row (every problem of every row, so one correction round is enough). Pure: the
// county's units, the usernames already taken and the policy's answer come from the caller.
import { displayNameField, phoneField, usernameField } from "@/lib/account-data/account-fields";
import {
  locateAccountColumns,
  MAX_ACCOUNT_IMPORT_ROWS,
  roleFromCell,
  type AccountColumn,
} from "@/lib/account-data/account-import-columns";
import type { SpreadsheetReading } from "@/lib/import/spreadsheet";
import type { OrganizationScope } from "@/lib/workflow/policy";
import { roleLabels, type Role } from "@/lib/workflow/roles";
import { placementProblem } from "@/lib/account-data/placement";

export type ImportUnit = OrganizationScope & { name: string; kind: string; isRetired: boolean };

export type PlannedAccount = {
  rowNumber: number;
  username: string;
  name: string;
  role: Role;
  phone: string | null;
  unit: ImportUnit;
};

export type AccountRowError = { rowNumber: number; messages: string[] };

export type AccountImportPlan =
  { ok: true; accounts: PlannedAccount[] } | { ok: false; fileError: string | null; rowErrors: AccountRowError[] };

export type AccountImportWorld = {
  county: { name: string };
  /** The county and every unit under it. */
  units: readonly ImportUnit[];
  /** Which of the given usernames are taken already. */
  takenUsernames: ReadonlySet<string>;
  /** The policy's answer for an account of this role in this unit (account.manage). */
  mayCreate: (unit: ImportUnit, role: Role) => boolean;
};

const firstMessage = (result: { success: false; error: { issues: { message: string }[] } }) =>
  result.error.issues[0]?.message ?? "内容有误";

/** The usernames a reading's rows would create, lower-cased as they are stored, to look up at once. */
export function usernamesOf(reading: Extract<SpreadsheetReading, { ok: true }>): string[] {
  const { columns } = locateAccountColumns(reading.header);
  if (columns.username === undefined) return [];
  return [...new Set(reading.rows.map((row) => row.cells[columns.username!]!.trim().toLowerCase()).filter(Boolean))];
}

export function planAccountImport(
  reading: Extract<SpreadsheetReading, { ok: true }>,
  world: AccountImportWorld,
): AccountImportPlan {
  const { columns, missing } = locateAccountColumns(reading.header);
  if (missing.length > 0)
    return refusedFile(
      `表格缺少“${missing.join("”“")}”列：第 ${reading.headerRowNumber} 行应是列标题（用户名、姓名、单位、角色、联系电话），可下载模板查看格式`,
    );
  if (reading.rows.length === 0) return refusedFile("表格中没有账号：列标题下面每行填写一个账号");
  if (reading.rows.length > MAX_ACCOUNT_IMPORT_ROWS)
    return refusedFile(
      `表格有 ${reading.rows.length.toLocaleString("zh-CN")} 个账号，一次最多导入 ${MAX_ACCOUNT_IMPORT_ROWS.toLocaleString("zh-CN")} 个，请分成几个文件上传`,
    );

  const unitsByName = new Map<string, ImportUnit[]>();
  for (const unit of world.units) unitsByName.set(unit.name, [...(unitsByName.get(unit.name) ?? []), unit]);
  const firstRowOf = new Map<string, number>();
  const accounts: PlannedAccount[] = [];
  const rowErrors: AccountRowError[] = [];

  for (const row of reading.rows) {
    const messages = row.problems.map((problem) => problem.message);
    const cell = (key: AccountColumn) => (columns[key] === undefined ? "" : (row.cells[columns[key]!] ?? ""));

    const username = usernameField.safeParse(cell("username"));
    if (!username.success) messages.push(firstMessage(username));
    else if (firstRowOf.has(username.data))
      messages.push(`用户名 ${username.data} 与第 ${firstRowOf.get(username.data)} 行重复`);
    else if (world.takenUsernames.has(username.data)) messages.push(`用户名 ${username.data} 已被使用，请换一个`);
    if (username.success && !firstRowOf.has(username.data)) firstRowOf.set(username.data, row.rowNumber);

    const name = displayNameField.safeParse(cell("name"));
    if (!name.success) messages.push(firstMessage(name));
    const phone = phoneField.safeParse(cell("phone"));
    if (!phone.success) messages.push(firstMessage(phone));

    const roleText = cell("role");
    const role = roleFromCell(roleText);
    if (!roleText) messages.push("请填写角色：填报人员、审核人员或县级管理员");
    else if (!role) messages.push(`角色“${roleText.slice(0, 20)}”无法识别，请填写 填报人员、审核人员或县级管理员`);

    const unit = findUnit(cell("unit"), unitsByName, world, messages);
    if (role && unit) {
      if (!world.mayCreate(unit, role)) messages.push(`您不能创建“${roleLabels[role]}”账号`);
      else {
        const problem = placementProblem(role, unit);
        if (problem) messages.push(problem);
      }
    }

    if (messages.length > 0 || !username.success || !name.success || !phone.success || !role || !unit)
      rowErrors.push({ rowNumber: row.rowNumber, messages });
    else
      accounts.push({
        rowNumber: row.rowNumber,
        username: username.data,
        name: name.data,
        role,
        phone: phone.data,
        unit,
      });
  }
  return rowErrors.length > 0 ? { ok: false, fileError: null, rowErrors } : { ok: true, accounts };
}

function findUnit(
  text: string,
  unitsByName: ReadonlyMap<string, ImportUnit[]>,
  world: AccountImportWorld,
  messages: string[],
): ImportUnit | null {
  if (!text) {
    messages.push("请填写单位名称");
    return null;
  }
  const found = unitsByName.get(text) ?? [];
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    messages.push(`${world.county.name}有 ${found.length} 个单位名为“${text}”，请先在单位管理中区分它们的名称`);
    return null;
  }
  const like = world.units.find((unit) => unit.name.startsWith(text) || text.startsWith(unit.name));
  messages.push(
    `${world.county.name}没有名为“${text.slice(0, 50)}”的单位${like ? `，是否指“${like.name}”？` : "，请填写单位的全称"}`,
  );
  return null;
}

function refusedFile(message: string): AccountImportPlan {
  return { ok: false, fileError: message, rowErrors: [] };
}
