/**
 * A reading of a unit list → what importing it would do, row by row: create the unit, find it
 * already there (a re-import changes nothing), or a problem in zh-CN — an unknown kind or
 * parent, a code that is malformed, has a wrong check character, repeats another row or
 * belongs to another unit, a name already used under the same parent. Pure: the caller
 * loads the county's units and the owners of the file's codes (inside its transaction when
 * importing). Universal.
 */
import type { SpreadsheetReading } from "@/lib/import/spreadsheet";
import type { OrganizationKind } from "@/lib/report-data";
import { creditCodeProblem, normalizeCreditCode } from "./credit-code";
import { normalizeDivisionCode } from "./division-code";
import { unitProblems, type KnownUnit, type UnitField } from "./unit-checks";
import type { UnitFields } from "./unit-fields";
import { unitImportColumns, type UnitImportField } from "./unit-import-columns";
import { parseUnitKind, unitKindLabels, unitKindNamesHint } from "./unit-kinds";
import { readUnitName, unitNameKey } from "./unit-name";

export type ExistingUnit = UnitFields;

export type UnitImportRow = {
  rowNumber: number;
  name: string;
  kindLabel: string;
  parentName: string;
  divisionCode: string;
  creditCode: string;
  outcome: "create" | "existing" | "problem";
  problems: string[];
  /** For "create": what to insert (ids chosen here, so rows below can name it as parent). */
  unit?: {
    id: string;
    name: string;
    kind: OrganizationKind;
    parentId: string;
    divisionCode: string;
    creditCode: string;
  };
};

export type UnitImportPlan =
  | { ok: true; rows: UnitImportRow[]; counts: Record<UnitImportRow["outcome"], number> }
  | { ok: false; message: string };

export type UnitImportWorld = {
  county: { id: string; name: string; divisionCode: string | null; retiredAt: Date | null };
  /** Every unit of the county's subtree (the county itself included). */
  units: readonly ExistingUnit[];
  /** Units anywhere holding one of the file's codes (codes are unique across counties). */
  codeOwners: readonly ExistingUnit[];
  newId: () => string;
};

function headerColumns(header: readonly string[]): Record<UnitImportField, number> | string {
  const key = (text: string) => text.normalize("NFKC").replace(/[\s*＊（）()]+|必填|选填/g, "");
  const found = {} as Record<UnitImportField, number>;
  for (const column of unitImportColumns) {
    const names = [column.header, ...column.aliases].map(key);
    const index = header.findIndex((cell) => names.includes(key(cell)));
    if (index < 0 && column.required)
      return `表格缺少“${column.header}”列：第一行应是列标题（${unitImportColumns.map((c) => c.header).join("、")}），可下载模板查看格式`;
    found[column.field] = index;
  }
  return found;
}

type Placed = {
  id: string;
  name: string;
  kind: OrganizationKind;
  divisionCode: string | null;
  retiredAt: Date | null;
  rowNumber?: number;
  parentId: string | null;
};

export function planUnitImport(
  reading: Extract<SpreadsheetReading, { ok: true }>,
  world: UnitImportWorld,
): UnitImportPlan {
  const columns = headerColumns(reading.header);
  if (typeof columns === "string") return { ok: false, message: columns };
  if (reading.rows.length === 0) return { ok: false, message: "表格中只有列标题，没有单位" };

  const cell = (cells: readonly string[], field: UnitImportField) =>
    columns[field] >= 0 ? (cells[columns[field]] ?? "") : "";
  // Every unit a row may name as its parent or collide with: the county's, then the file's rows as they are planned.
  const placed = new Map<string, Placed>();
  for (const unit of world.units) placed.set(unit.id, { ...unit });
  placed.set(world.county.id, { ...world.county, kind: "COUNTY", parentId: null });
  const byNameKey = new Map<string, Placed[]>();
  const byDivisionCode = new Map<string, Placed>();
  const index = (unit: Placed) => {
    const key = unitNameKey(unit.name);
    byNameKey.set(key, [...(byNameKey.get(key) ?? []), unit]);
    if (unit.divisionCode) byDivisionCode.set(unit.divisionCode, unit);
  };
  for (const unit of placed.values()) index(unit);
  const ownerOf = new Map<string, KnownUnit>();
  for (const owner of [...world.codeOwners, ...world.units]) {
    if (owner.divisionCode) ownerOf.set(`d:${owner.divisionCode}`, owner);
    if (owner.creditCode) ownerOf.set(`c:${owner.creditCode}`, owner);
  }
  const fileCodes = new Map<string, number>();
  const fileNames = new Map<string, number>();
  // Rows that could not be planned, by name, so that a row under one of them says why.
  const failedRows = new Map<string, number>();

  const rows = reading.rows.map((row): UnitImportRow => {
    const problems = row.problems.map((problem) => problem.message);
    const rawName = cell(row.cells, "name");
    const rawKind = cell(row.cells, "kind");
    const parentText = cell(row.cells, "parent");
    const divisionCode = normalizeDivisionCode(cell(row.cells, "divisionCode"));
    const creditCode = normalizeCreditCode(cell(row.cells, "creditCode"));
    const shown = {
      rowNumber: row.rowNumber,
      name: rawName,
      kindLabel: rawKind,
      parentName: parentText || world.county.name,
      divisionCode,
      creditCode,
    };
    const fail = (...more: string[]): UnitImportRow => ({
      ...shown,
      outcome: "problem",
      problems: [...problems, ...more],
    });

    const name = readUnitName(rawName);
    if (!name.ok) problems.push(name.problem);
    const kind = parseUnitKind(rawKind);
    if (rawKind === "") problems.push(`请填写类型（${unitKindNamesHint}）`);
    else if (!kind) problems.push(`类型“${rawKind.slice(0, 20)}”无法识别，请填写：${unitKindNamesHint}`);
    else if (kind === "COUNTY") problems.push("县（区）不能通过导入名单创建，请由系统管理员在“新建县（区）”中创建");
    if (creditCode !== "") {
      const problem = creditCodeProblem(creditCode);
      if (problem) problems.push(problem);
    }

    // The parent: the county when blank, else a unit of the county or an earlier row, by name or 行政区划代码.
    let parent: Placed | undefined = placed.get(world.county.id);
    if (parentText !== "") {
      const code = normalizeDivisionCode(parentText);
      const candidates = /^\d{6,12}$/.test(code)
        ? [byDivisionCode.get(code)].filter((unit): unit is Placed => unit !== undefined)
        : (byNameKey.get(unitNameKey(parentText)) ?? []);
      const active = candidates.filter((candidate) => !candidate.retiredAt);
      const failed = failedRows.get(unitNameKey(parentText));
      if (candidates.length === 0 && failed !== undefined)
        problems.push(`上级单位“${parentText.slice(0, 60)}”（第 ${failed} 行）有问题，未能导入`);
      else if (candidates.length === 0)
        problems.push(`找不到上级单位“${parentText.slice(0, 60)}”：应是本县（区）已有的单位，或写在本表前面的行`);
      else if (active.length > 1) problems.push(`上级单位“${parentText.slice(0, 60)}”有重名，请改填它的行政区划代码`);
      else parent = active[0] ?? candidates[0];
    }
    if (problems.length > 0 || !name.ok || !kind || !parent) return fail();
    shown.kindLabel = unitKindLabels[kind];
    shown.parentName = parent.name;

    // Repeated within the file.
    const nameKey = `${parent.id}/${unitNameKey(name.name)}`;
    const repeatedName = fileNames.get(nameKey);
    if (repeatedName !== undefined) problems.push(`与第 ${repeatedName} 行是同一单位（同一上级单位下同名）`);
    for (const [prefix, code, label] of [
      ["d", divisionCode, "行政区划代码"],
      ["c", creditCode, "统一社会信用代码"],
    ] as const) {
      if (code === "") continue;
      const repeated = fileCodes.get(`${prefix}:${code}`);
      if (repeated !== undefined) problems.push(`${label} ${code} 与第 ${repeated} 行重复`);
    }
    if (problems.length > 0) return fail();
    fileNames.set(nameKey, row.rowNumber);
    if (divisionCode) fileCodes.set(`d:${divisionCode}`, row.rowNumber);
    if (creditCode) fileCodes.set(`c:${creditCode}`, row.rowNumber);

    // Already there: the same name under the same parent. A re-import finds every row here.
    const existing = (byNameKey.get(unitNameKey(name.name)) ?? []).find(
      (unit) => unit.parentId === parent.id && unit.rowNumber === undefined,
    );
    if (existing) {
      const stored = world.units.find((unit) => unit.id === existing.id)!;
      const differs = [
        stored.kind !== kind && `类型（已有：${unitKindLabels[stored.kind]}）`,
        divisionCode !== (stored.divisionCode ?? "") && `行政区划代码（已有：${stored.divisionCode ?? "无"}）`,
        creditCode !== (stored.creditCode ?? "") && `统一社会信用代码（已有：${stored.creditCode ?? "无"}）`,
      ].filter(Boolean);
      if (differs.length > 0)
        return fail(
          `已有同名单位“${stored.name}”，但${differs.join("、")}不同；导入不修改已有单位，如需修改请在单位页面修改`,
        );
      return { ...shown, outcome: "existing", problems: [] };
    }

    const fieldProblems = unitProblems(
      { id: null, name: name.name, kind, divisionCode, creditCode },
      {
        parent: { ...parent, retiredAt: parent.retiredAt },
        divisionCodeOwner: (code) => ownerOf.get(`d:${code}`),
        creditCodeOwner: (code) => ownerOf.get(`c:${code}`),
        siblingNamed: () => undefined,
      },
    );
    const messages = (Object.keys(fieldProblems) as UnitField[]).map((field) => fieldProblems[field]!);
    if (messages.length > 0) return fail(...messages);

    const unit = { id: world.newId(), name: name.name, kind, parentId: parent.id, divisionCode, creditCode };
    const planned: Placed = { ...unit, divisionCode: divisionCode || null, retiredAt: null, rowNumber: row.rowNumber };
    placed.set(unit.id, planned);
    index(planned);
    return { ...shown, outcome: "create", problems: [], unit };
  });

  const counts = { create: 0, existing: 0, problem: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return { ok: true, rows, counts };
}
