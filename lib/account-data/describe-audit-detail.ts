// A short zh-CN line for an audit event's detail (what an account change changed), for the
// 操作记录 page. Universal and defensive: the detail is stored JSON of any age.
import { isRole, roleLabels } from "@/lib/workflow/roles";

const fieldLabels: Record<string, string> = {
  name: "姓名",
  phone: "电话",
  role: "角色",
  unit: "单位",
  username: "用户名",
};

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if (key === "role" && isRole(value)) return roleLabels[value];
  return String(value).slice(0, 60);
}

export function describeAuditDetail(detail: unknown): string | null {
  if (!detail || typeof detail !== "object") return null;
  const record = detail as Record<string, unknown>;
  const parts: string[] = [];
  if (record.source === "import")
    parts.push(`批量导入${typeof record.fileName === "string" ? `（${record.fileName.slice(0, 80)}）` : ""}`);
  if (typeof record.year === "number" && typeof record.sequence === "number")
    parts.push(
      `${record.year} 年度第 ${record.sequence} 版${typeof record.included === "number" ? `，已汇总 ${record.included} 个单位` : ""}${typeof record.excluded === "number" ? `，未汇总 ${record.excluded} 个` : ""}`,
    );
  if (isRole(record.role) && !record.from) parts.push(`角色：${roleLabels[record.role]}`);
  const from = record.from && typeof record.from === "object" ? (record.from as Record<string, unknown>) : null;
  const to = record.to && typeof record.to === "object" ? (record.to as Record<string, unknown>) : null;
  if (from && to)
    for (const key of Object.keys(to))
      parts.push(`${fieldLabels[key] ?? key}：${valueText(key, from[key])} → ${valueText(key, to[key])}`);
  return parts.length > 0 ? parts.join("；") : null;
}
