/**
 * Units as the administration knows them: their kinds named in zh-CN (the kinds themselves
 * are lib/report-data's), the names a spreadsheet may use for each, and where each may sit.
 * A county (县、区、县级市) is also the county government: its own report is the county
 * government's, due by the calendar's county deadline. Universal.
 */
import type { OrganizationKind } from "@/lib/report-data";

export const unitKindLabels: Readonly<Record<OrganizationKind, string>> = {
  COUNTY: "县（区、县级市）人民政府",
  TOWNSHIP: "乡",
  TOWN: "镇",
  SUBDISTRICT: "街道",
  DEPARTMENT: "县直部门",
};

/** The kinds a county administrator places in its county, in the order forms offer them. */
export const unitKindsBelowCounty = [
  "TOWNSHIP",
  "TOWN",
  "SUBDISTRICT",
  "DEPARTMENT",
] as const satisfies readonly OrganizationKind[];

const namesOfKinds: readonly [OrganizationKind, readonly string[]][] = [
  [
    "COUNTY",
    [
      "县",
      "区",
      "县级市",
      "市",
      "旗",
      "自治县",
      "自治旗",
      "县政府",
      "县人民政府",
      "县级人民政府",
      "区政府",
      "区人民政府",
    ],
  ],
  ["TOWNSHIP", ["乡", "民族乡", "苏木", "乡政府", "乡人民政府"]],
  ["TOWN", ["镇", "镇政府", "镇人民政府"]],
  ["SUBDISTRICT", ["街道", "街道办", "街道办事处"]],
  ["DEPARTMENT", ["县直部门", "部门", "县级部门", "县政府部门", "区直部门", "市直部门"]],
];

/** The kind a spreadsheet's 类型 cell names (县、乡、镇、街道、县直部门 …), or null. */
export function parseUnitKind(text: string): OrganizationKind | null {
  const name = text.normalize("NFKC").replace(/\s+/g, "");
  return namesOfKinds.find(([, names]) => names.includes(name))?.[0] ?? null;
}

export const unitKindNamesHint = "县、区、县级市、乡、镇、街道、县直部门";

export function isTownshipLevel(kind: OrganizationKind): boolean {
  return kind === "TOWNSHIP" || kind === "TOWN" || kind === "SUBDISTRICT";
}

/**
 * Why a unit of `kind` cannot sit under a parent of `parentKind` (null: at the top), in
 * zh-CN; null when it can. Counties stand at the top; townships, towns and subdistricts
 * under a county; departments under a county or, as a township's own office, under a
 * township-level unit.
 */
export function placementProblem(kind: OrganizationKind, parentKind: OrganizationKind | null): string | null {
  if (kind === "COUNTY") return parentKind === null ? null : "县（区）不能设在其他单位之下";
  if (parentKind === null) return "请选择上级单位";
  if (isTownshipLevel(kind)) return parentKind === "COUNTY" ? null : "乡、镇、街道的上级单位应是县（区）";
  return parentKind === "COUNTY" || isTownshipLevel(parentKind) ? null : "县直部门的上级单位应是县（区）或乡、镇、街道";
}
