// The three kinds of signed-in user. Universal: the policy, the transition table and the
// session all speak of these.
export const roles = ["CLERK", "REVIEWER", "ADMIN"] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
