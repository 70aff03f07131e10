/**
 * The kinds of body a report comes from: one vocabulary for the database (the Prisma enum
 * OrganizationKind has exactly these values, checked by a test in lib/organizations), the
 * rule engine's identity checks, the importer's guess and every screen that names a kind.
 */
export const organizationKinds = {
  COUNTY: { label: "县（区）", noun: "县级人民政府" },
  TOWNSHIP: { label: "乡", noun: "乡" },
  TOWN: { label: "镇", noun: "镇" },
  SUBDISTRICT: { label: "街道", noun: "街道" },
  DEPARTMENT: { label: "县直部门", noun: "政府部门" },
} as const satisfies Record<string, { readonly label: string; readonly noun: string }>;

/** COUNTY 县/区 (also 县级市), TOWNSHIP 乡, TOWN 镇, SUBDISTRICT 街道, DEPARTMENT 县直部门. */
export type OrganizationKind = keyof typeof organizationKinds;

/** The body a report belongs to, as the rule engine's identity checks know it. */
export interface Organization {
  readonly name: string;
  readonly kind: OrganizationKind;
}

/**
 * The kind of body a published name implies. 董封乡人民政府 → 乡, 朝阳镇 → 镇,
 * ××街道办事处 → 街道, ××县人民政府 → 县 (also 自治县, 旗, and 区/市 where the name ends
 * there); anything else with a name (××县人民政府办公室, ××局) is a 部门. A guess, for a
 * reading of a file and for a report checked without its organization record; the record
 * decides in the app. Null without a name.
 */
export function guessOrganizationKind(name: string): OrganizationKind | null {
  const core = name
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "")
    .replace(/(?:人民政府|政府)$/, "");
  if (core === "") return null;
  if (/街道(?:办事处)?$/.test(core)) return "SUBDISTRICT";
  if (/镇$/.test(core)) return "TOWN";
  if (/乡$/.test(core)) return "TOWNSHIP";
  if (/(?:县|旗|区|市)$/.test(core)) return "COUNTY";
  return "DEPARTMENT";
}
