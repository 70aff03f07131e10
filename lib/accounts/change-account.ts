import "server-only";
import type { ChangeAccountInput } from "@/lib/account-data/account-fields";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { accountAuditEvent } from "./account-audit";
import { authorizeAccountPlacement, authorizeAccountTarget, checkPlacement } from "./account-target";

/**
 * Changes an account's name, phone, unit or role. The policy is asked about the account as
 * it is and as it would be, so an administrator can neither reach an account outside their
 * scope nor move one out of it, nor give a role they may not give; nobody changes their
 * own account this way. The change takes effect on the user's next request (the session
 * re-reads role and unit, lib/server/session.ts).
 */
export const changeAccount = defineOperation({
  name: "changeAccount",
  action: "account.manage",
  authorize: async (actor: Actor, input: ChangeAccountInput) => {
    const target = await authorizeAccountTarget(actor, input.userId);
    const { unit } = await authorizeAccountPlacement(actor, {
      userId: target.id,
      organizationId: input.organizationId,
      role: input.role,
    });
    return { target, unit };
  },
  run: async ({ target, unit }, actor, input) => {
    checkPlacement(input.role, unit);
    const before = { name: target.name, phone: target.phone, role: target.role, organizationId: target.organizationId };
    const after = {
      name: input.name,
      phone: input.phone,
      role: input.role,
      organizationId: unit?.organizationId ?? null,
    };
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((key) => before[key] !== after[key]);
    if (changed.length === 0) return { id: target.id, changed };
    // The audit detail names units, not ids: the log stays readable when a unit is renamed or retired.
    const shown = (values: typeof before, unitName: string | null) =>
      Object.fromEntries(changed.map((key) => (key === "organizationId" ? ["unit", unitName] : [key, values[key]])));
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: target.id }, data: after });
      await tx.auditEvent.create({
        data: accountAuditEvent(
          actor,
          "account.change",
          { id: target.id, organizationId: after.organizationId },
          {
            from: shown(before, target.organization?.name ?? null),
            to: shown(after, unit?.name ?? null),
          },
        ),
      });
    });
    return { id: target.id, changed };
  },
});
