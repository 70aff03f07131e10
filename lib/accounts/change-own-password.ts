import "server-only";
import type { ChangeOwnPasswordInput } from "@/lib/account-data/account-fields";
import { authorize } from "@/lib/server/authorize";
import { credentialPasswordHash, endSessions, setCredentialPassword } from "@/lib/server/credentials";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import { pauseAfterLastAttempt, returnLoginAttempt, takeLoginAttempt } from "@/lib/server/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import { homePathFor } from "@/lib/server/session";
import type { Actor } from "@/lib/workflow/policy";
import { isRole } from "@/lib/workflow/roles";
import { accountAuditEvent } from "./account-audit";
import { fieldError } from "./account-target";
import { newPasswordProblem } from "./password-rules";

/** The request the change comes from: its session stays, the user's others end. */
export type PasswordChangeContext = { sessionId: string; address: string };

/**
 * A user sets their own password. While a new password is due (a new or reset account) the
 * user has just signed in with the initial one and is not asked for it again; otherwise the
 * current password is checked, counted against the same allowance as sign-in attempts, so a
 * borrowed session cannot be used to guess it. The new password must follow
 * password-rules.ts and differ from the current one; the user's other sessions end.
 */
export const changeOwnPassword = defineOperation({
  name: "changeOwnPassword",
  action: "account.changeOwnPassword",
  authorize: async (actor: Actor, _input: ChangeOwnPasswordInput, _context: PasswordChangeContext) => {
    authorize(actor, "account.changeOwnPassword", null);
    const user = await db.user.findUniqueOrThrow({
      where: { id: actor!.userId },
      select: { id: true, username: true, role: true, organizationId: true, mustChangePassword: true },
    });
    return { ...user, username: user.username ?? "" };
  },
  run: async (user, actor, input, context) => {
    const storedHash = await credentialPasswordHash(user.id);
    if (!storedHash) throw new AppError("INVALID_STATE", "该账号没有可修改的密码，请联系管理员。");
    if (!user.mustChangePassword) await checkCurrentPassword(user.username, storedHash, input.currentPassword, context);
    const problem = newPasswordProblem(input.newPassword, user.username);
    if (problem) throw fieldError("newPassword", problem);
    if (await verifyPassword({ hash: storedHash, password: input.newPassword }))
      throw fieldError(
        "newPassword",
        user.mustChangePassword ? "新密码不能与初始密码相同" : "新密码不能与当前密码相同",
      );
    const passwordHash = await hashPassword(input.newPassword);
    await db.$transaction(async (tx) => {
      await setCredentialPassword(tx, user.id, passwordHash);
      await tx.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
      await endSessions(tx, user.id, context.sessionId);
      await tx.auditEvent.create({ data: accountAuditEvent(actor, "account.changeOwnPassword", user) });
    });
    return { home: isRole(user.role) ? homePathFor(user.role) : "/" };
  },
});

async function checkCurrentPassword(
  username: string,
  storedHash: string,
  currentPassword: string | undefined,
  context: PasswordChangeContext,
): Promise<void> {
  if (!currentPassword) throw fieldError("currentPassword", "请输入当前密码");
  const attempt = await takeLoginAttempt(username, context.address);
  if (!attempt.isAllowed)
    throw new AppError("RATE_LIMITED", `尝试次数过多，请在 ${attempt.retryAfterSeconds} 秒后再试。`);
  if (await verifyPassword({ hash: storedHash, password: currentPassword })) {
    await returnLoginAttempt(username, context.address);
    return;
  }
  const after = await pauseAfterLastAttempt(username, context.address, attempt);
  throw after.isBlocked
    ? new AppError("RATE_LIMITED", `尝试次数过多，请在 ${after.retryAfterSeconds} 秒后再试。`)
    : fieldError("currentPassword", "当前密码不正确");
}
