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
 * Bodies whose kind their name does not tell, or that are none of the five: a 设区的市 and a
 * 县级市 are both ××市人民政府; a development zone's 管委会 or a 片区管理局 reports like a
 * government without being a 县, 乡, 镇 or 街道.
 */
const ZONE_BODY = /(?:管理委员会|管委会|片区管理局|开发区|高新区|园区|示范区|试验区|保税区)/;

/**
 * The kind of body a published name implies. 董封乡人民政府 → 乡, 朝阳镇 → 镇,
 * ××街道办事处 → 街道, ××县人民政府 → 县 (also 自治县, 旗, and 区 where the name ends
 * there); anything else with a name (××县人民政府办公室, ××局) is a 部门. Null where the
 * name does not tell (××市, a zone's 管委会 or 片区管理局, a body inside a zone): "unknown"
 * rather than a wrong guess, so the rules that depend on the kind wait for someone to say it
 * (`npm run check -- --kind 镇`, the organization record in the app). A guess, for a reading
 * of a file and for a report checked without its organization record; the record decides
 * in the app. Null without a name.
 */
export function guessOrganizationKind(name: string): OrganizationKind | null {
  const core = name
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "")
    .replace(/(?:人民政府|政府)$/, "");
  if (core === "") return null;
  if (/市$/.test(core) || ZONE_BODY.test(core)) return null;
  if (/街道(?:办事处)?$/.test(core)) return "SUBDISTRICT";
  if (/镇$/.test(core)) return "TOWN";
  if (/乡$/.test(core)) return "TOWNSHIP";
  if (/(?:县|旗|区)$/.test(core)) return "COUNTY";
  return "DEPARTMENT";
}

/**
 * A kind as a person names it (乡, 镇, 街道, 县, 区, 县（区）, 部门, 县直部门) or by its code
 * (TOWN); null for anything else.
 */
export function parseOrganizationKind(text: string): OrganizationKind | null {
  const wanted = text.normalize("NFKC").trim();
  const aliases: Record<string, OrganizationKind> = { 县: "COUNTY", 区: "COUNTY", 部门: "DEPARTMENT" };
  if (aliases[wanted]) return aliases[wanted];
  for (const [kind, names] of Object.entries(organizationKinds) as [
    OrganizationKind,
    { label: string; noun: string },
  ][])
    if (wanted === kind || wanted === names.label.normalize("NFKC") || wanted === names.noun) return kind;
  return null;
}
