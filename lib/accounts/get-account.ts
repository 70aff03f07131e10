import "server-only";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { isUuid } from "@/lib/server/is-uuid";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import { can, type Actor } from "@/lib/workflow/policy";
import { isRole } from "@/lib/workflow/roles";
import { accountSelect } from "./account-select";

/**
 * One account of the administered scope, for its page, with whether the actor may act on it
 * (not on their own account, not on a role they may not give).
 */
export const getAccount = defineOperation({
  name: "getAccount",
  action: "account.read",
  authorize: async (actor: Actor, userId: string) => {
    authorize(actor, "account.list", null);
    if (!isUuid(userId)) throw notFoundFor(actor);
    const user = await db.user.findUnique({
      where: { id: userId },
      select: { ...accountSelect, createdAt: true },
    });
    if (!user || !isRole(user.role)) throw notFoundFor(actor);
    const unit = user.organizationId ? await loadOrganizationScope(user.organizationId) : null;
    authorize(actor, "account.read", { unit });
    return { user: { ...user, role: user.role, username: user.username ?? "" }, unit };
  },
  run: async ({ user, unit }, actor) => ({
    account: user,
    canManage: can(actor, "account.manage", { unit, role: user.role, isSelf: actor?.userId === user.id }),
  }),
});
