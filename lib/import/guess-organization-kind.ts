/**
 * The kind of body a published name implies. 董封乡人民政府 → 乡,
 * 朝阳镇 → 镇, ××街道办事处 → 街道, ××县人民政府 → 县; anything else with a
 * name (××县人民政府办公室, ××局) is a 部门. A guess for display and for the
 * rule engine's identity checks; the organization record decides in the app.
 */
import { normalizeWidth } from "./label-key";
import type { OrganizationKind } from "./types";

export function guessOrganizationKind(name: string): OrganizationKind | null {
  const core = normalizeWidth(name).replace(/(?:人民政府|政府)$/, "");
  if (core === "") return null;
  if (/街道(?:办事处)?$/.test(core)) return "subdistrict";
  if (/镇$/.test(core)) return "town";
  if (/乡$/.test(core)) return "township";
  // 县级: 县, 自治县, 旗, and 市辖区/县级市 when the name ends there.
  if (/(?:县|旗|区|市)$/.test(core)) return "county";
  return "department";
}
