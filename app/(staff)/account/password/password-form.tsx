"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { errorsOf, FormErrorSummary, problemsOf } from "@/components/ui/form-error-summary";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { changeOwnPasswordAction } from "./actions";

export function PasswordForm({ username, needsCurrentPassword }: { username: string; needsCurrentPassword: boolean }) {
  const router = useRouter();
  const { result, isPending, onSubmit } = useFormAction((form) =>
    changeOwnPasswordAction({
      ...(needsCurrentPassword ? { currentPassword: String(form.get("currentPassword") ?? "") } : {}),
      newPassword: String(form.get("newPassword") ?? ""),
      confirmPassword: String(form.get("confirmPassword") ?? ""),
    }),
  );
  useEffect(() => {
    if (result?.ok) router.replace(result.data.home);
  }, [result, router]);
  const errors = result && !result.ok ? errorsOf(result) : {};
  const fieldIds = ["currentPassword", "newPassword", "confirmPassword"];
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrorSummary title="密码未能修改" problems={problemsOf(errors, fieldIds)} />
      {result?.ok && (
        <p className="notice notice--success" role="status">
          新密码已设置，正在进入系统…
        </p>
      )}
      {/* Lets password managers store the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {needsCurrentPassword && (
        <TextField
          id="currentPassword"
          label="当前密码"
          error={errors.currentPassword}
          type="password"
          autoComplete="current-password"
        />
      )}
      <TextField
        id="newPassword"
        label="新密码"
        error={errors.newPassword}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        id="confirmPassword"
        label="再次输入新密码"
        error={errors.confirmPassword}
        type="password"
        autoComplete="new-password"
      />
      <button className="button" type="submit" disabled={isPending || result?.ok}>
        {isPending ? "正在保存…" : "保存新密码"}
      </button>
    </form>
  );
}
