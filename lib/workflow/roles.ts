// The four kinds of signed-in user. Universal: the policy, the transition table and the
// session all speak of these.
export const roles = ["CLERK", "REVIEWER", "COUNTY_ADMIN", "ADMIN"] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** What each role is called on screen. */
export const roleLabels: Readonly<Record<Role, string>> = {
  CLERK: "填报人员",
  REVIEWER: "审核人员",
  COUNTY_ADMIN: "县级管理员",
  ADMIN: "系统管理员",
};
