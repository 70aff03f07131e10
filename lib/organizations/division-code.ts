/**
 * 行政区划代码: 6 digits for a county (GB/T 2260: province, city, county; a county's last two
 * digits are never 00), 12 for a township-level unit (统计用区划代码: the county's 6, the
 * township's 3, then 000). A township's code sits under its county's: it begins with the
 * county's six digits. County departments have none. Universal.
 */
import type { OrganizationKind } from "@/lib/report-data";

export function normalizeDivisionCode(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/g, "");
}

/** The digits a kind's code has, or null for a kind without a division code. */
export function divisionCodeLength(kind: OrganizationKind): 6 | 12 | null {
  if (kind === "COUNTY") return 6;
  if (kind === "DEPARTMENT") return null;
  return 12;
}

/**
 * Why `code` cannot be this unit's 行政区划代码 under a parent with `parentCode`, in zh-CN;
 * null when it can. An empty code is allowed (optional) and checked by no rule here.
 */
export function divisionCodeProblem(code: string, kind: OrganizationKind, parentCode: string | null): string | null {
  if (code === "") return null;
  const length = divisionCodeLength(kind);
  if (length === null) return "县直部门没有行政区划代码，请留空";
  if (!/^\d+$/.test(code)) return "行政区划代码只能由数字组成";
  if (code.length !== length)
    return length === 6
      ? `县（区）的行政区划代码应为 6 位数字，现为 ${code.length} 位`
      : `乡、镇、街道的行政区划代码应为 12 位数字，现为 ${code.length} 位`;
  if (length === 6) {
    if (code.startsWith("0")) return "行政区划代码的前两位是省级代码，不能以 0 开头";
    if (code.endsWith("00")) return "以 00 结尾的是地级市的代码，县（区）的代码后两位不是 00";
    return null;
  }
  if (code.slice(6, 9) === "000") return "第 7—9 位是乡级代码，不能为 000";
  if (!code.endsWith("000")) return "乡级单位的行政区划代码后三位应为 000（村级代码不能作为单位代码）";
  if (parentCode && !code.startsWith(parentCode.slice(0, 6)))
    return `行政区划代码应以上级单位的代码 ${parentCode.slice(0, 6)} 开头`;
  return null;
}
