"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { errorsOf, FormErrorSummary, problemsOf } from "@/components/ui/form-error-summary";
import { InitialPasswordNotice } from "@/components/ui/initial-password-notice";
import { ProblemAlert } from "@/components/ui/problem-alert";
import type { UnitOption } from "@/components/ui/unit-select";
import { useFormAction } from "@/components/ui/use-form-action";
import type { Role } from "@/lib/workflow/roles";
import { changeAccountAction, disableAccountAction, enableAccountAction, resetPasswordAction } from "../actions";
import { AccountFields, accountFieldIds, accountValuesOf } from "../account-fields";

type Account = {
  id: string;
  username: string;
  name: string;
  role: Role;
  organizationId: string | null;
  phone: string | null;
  isDisabled: boolean;
};

/** The account, with the units and roles the administrator may give it. */
type AccountProps = { account: Account; units: readonly UnitOption[]; roles: readonly Role[] };

/** What an administrator does to one account: reset its password, disable or enable it, change it. */
export function AccountActions({ account, units, roles }: AccountProps) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [initialPassword, setInitialPassword] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const run = (confirmText: string, send: () => Promise<{ ok: true } | { ok: false; message: string }>) => {
    if (!window.confirm(confirmText)) return;
    setProblem(null);
    startTransition(async () => {
      const result = await send().catch(() => ({ ok: false as const, message: "网络连接中断，请检查网络后重试。" }));
      if (!result.ok) setProblem(result.message);
      router.refresh();
    });
  };

  const reset = () =>
    run(`重置 ${account.username} 的密码？该账号的登录会立即全部退出，须用新的初始密码登录。`, async () => {
      const result = await resetPasswordAction({ userId: account.id });
      if (result.ok) setInitialPassword(result.data.initialPassword);
      return result;
    });
  const disable = () =>
    run(`停用 ${account.username}？该账号的登录会立即退出，停用期间不能登录。`, () =>
      disableAccountAction({ userId: account.id }),
    );
  const enable = () => run(`启用 ${account.username}？`, () => enableAccountAction({ userId: account.id }));

  return (
    <>
      <section aria-labelledby="account-actions-heading">
        <h2 id="account-actions-heading">账号操作</h2>
        <ProblemAlert title="操作未成功" message={problem} />
        {initialPassword && (
          <InitialPasswordNotice heading="密码已重置" username={account.username} initialPassword={initialPassword} />
        )}
        <p>
          <button className="button button--secondary" type="button" onClick={reset} disabled={isPending}>
            重置密码
          </button>{" "}
          {account.isDisabled ? (
            <button className="button button--secondary" type="button" onClick={enable} disabled={isPending}>
              启用账号
            </button>
          ) : (
            <button className="button button--warning" type="button" onClick={disable} disabled={isPending}>
              停用账号
            </button>
          )}
        </p>
      </section>
      <ChangeAccountForm account={account} units={units} roles={roles} />
    </>
  );
}

function ChangeAccountForm({ account, units, roles }: AccountProps) {
  const router = useRouter();
  const { result, isPending, onSubmit } = useFormAction(async (form) => {
    const answer = await changeAccountAction({ userId: account.id, ...accountValuesOf(form) });
    if (answer.ok) router.refresh();
    return answer;
  });
  const errors = result && !result.ok ? errorsOf(result) : {};
  return (
    <section aria-labelledby="change-account-heading">
      <h2 id="change-account-heading">修改账号</h2>
      <p className="muted">修改单位或角色后，该用户的下一次操作即按新的单位和角色处理。</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrorSummary title="账号未能修改" problems={problemsOf(errors, accountFieldIds)} />
        {result?.ok && (
          <p className="notice notice--success" role="status">
            {result.data.changed.length > 0 ? "账号已修改。" : "没有需要保存的修改。"}
          </p>
        )}
        <AccountFields units={units} roles={roles} errors={errors} values={account} withUsername={false} />
        <button className="button" type="submit" disabled={isPending}>
          {isPending ? "正在保存…" : "保存修改"}
        </button>
      </form>
    </section>
  );
}
