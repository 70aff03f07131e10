"use client";
import { FormField } from "@/components/ui/form-field";
import { TextField } from "@/components/ui/text-field";
import { UnitOptions, type UnitOption } from "@/components/ui/unit-select";
import { MAX_USERNAME_LENGTH, MIN_USERNAME_LENGTH } from "@/lib/account-data/account-fields";
import { roleLabels, type Role } from "@/lib/workflow/roles";

export type AccountFieldValues = {
  username?: string;
  name: string;
  organizationId: string | null;
  role: Role;
  phone: string | null;
};

/** The fields an administrator fills in for an account (the username only when creating one). */
export function AccountFields({
  units,
  roles,
  errors,
  values,
  withUsername,
}: {
  units: readonly UnitOption[];
  roles: readonly Role[];
  errors: Readonly<Record<string, string>>;
  values?: AccountFieldValues;
  withUsername: boolean;
}) {
  return (
    <>
      {withUsername && (
        <TextField
          id="username"
          label="用户名"
          hint={`登录用，${MIN_USERNAME_LENGTH}～${MAX_USERNAME_LENGTH} 个字符：小写字母、数字和 . _ -，如 dongfeng-li。创建后不能修改。`}
          error={errors.username}
          autoComplete="off"
          spellCheck={false}
          defaultValue={values?.username}
        />
      )}
      <TextField id="name" label="姓名" error={errors.name} autoComplete="off" defaultValue={values?.name} />
      <FormField id="role" label="角色" error={errors.role}>
        {(control) => (
          <select {...control} className="input" name="role" defaultValue={values?.role ?? "CLERK"}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id="organizationId"
        label="单位"
        hint="审核人员和县级管理员选择县（区）本级；系统管理员不选单位。"
        error={errors.organizationId}
      >
        {(control) => (
          <select {...control} className="input" name="organizationId" defaultValue={values?.organizationId ?? ""}>
            <option value="">（不属于任何单位）</option>
            <UnitOptions units={units} />
          </select>
        )}
      </FormField>
      <TextField
        id="phone"
        label="联系电话（选填）"
        hint="手机或座机，如 13812345678、0356-1234567。"
        error={errors.phone}
        type="tel"
        autoComplete="off"
        defaultValue={values?.phone ?? ""}
      />
    </>
  );
}

export const accountFieldIds = ["username", "name", "role", "organizationId", "phone"];

/** The account fields of a submitted form, as the actions take them. */
export function accountValuesOf(form: FormData) {
  return {
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
    organizationId: String(form.get("organizationId") ?? ""),
    phone: String(form.get("phone") ?? ""),
  };
}
