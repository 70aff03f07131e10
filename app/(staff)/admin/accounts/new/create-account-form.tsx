"use client";
import { useState } from "react";
import Link from "next/link";
import { errorsOf, FormErrorSummary, problemsOf } from "@/components/ui/form-error-summary";
import { InitialPasswordNotice } from "@/components/ui/initial-password-notice";
import type { UnitOption } from "@/components/ui/unit-select";
import { useFormAction } from "@/components/ui/use-form-action";
import type { Role } from "@/lib/workflow/roles";
import { createAccountAction } from "../actions";
import { AccountFields, accountFieldIds, accountValuesOf } from "../account-fields";

type Props = { units: readonly UnitOption[]; roles: readonly Role[] };

export function CreateAccountForm(props: Props) {
  // A new key starts an empty form (and a fresh answer) for the next account.
  const [formKey, setFormKey] = useState(0);
  return <OneAccount key={formKey} {...props} onNext={() => setFormKey((key) => key + 1)} />;
}

function OneAccount({ units, roles, onNext }: Props & { onNext: () => void }) {
  const { result, isPending, onSubmit } = useFormAction((form) =>
    createAccountAction({ username: String(form.get("username") ?? ""), ...accountValuesOf(form) }),
  );
  if (result?.ok)
    return (
      <div>
        <InitialPasswordNotice
          heading={`账号已创建：${result.data.name}`}
          username={result.data.username}
          initialPassword={result.data.initialPassword}
        />
        <p>
          <Link href={`/admin/accounts/${result.data.id}`}>查看该账号</Link>
        </p>
        <button className="button button--secondary" type="button" onClick={onNext}>
          继续新建账号
        </button>
      </div>
    );
  const errors = result ? errorsOf(result) : {};
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrorSummary title="账号未能创建" problems={problemsOf(errors, accountFieldIds)} />
      <AccountFields units={units} roles={roles} errors={errors} withUsername />
      <button className="button" type="submit" disabled={isPending}>
        {isPending ? "正在创建…" : "创建账号"}
      </button>
    </form>
  );
}
