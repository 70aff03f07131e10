"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormErrorSummary, fieldErrorsOf } from "@/components/ui/form-error-summary";
import { FormField } from "@/components/ui/form-field";
import { LabelledOptions } from "@/components/ui/named-options";
import { ScriptForm } from "@/components/ui/script-form";
import { unitKindLabels } from "@/lib/organizations/unit-kinds";
import type { OrganizationKind } from "@/lib/report-data";
import { createCountyAction, createUnitAction, updateUnitAction } from "./actions";

type Values = { name: string; kind: OrganizationKind; parentId: string; divisionCode: string; creditCode: string };

type Mode =
  | { kind: "create"; parents: { id: string; label: string }[] }
  | { kind: "createCounty" }
  | { kind: "update"; unitId: string; updatedAt: string };

const labels: Record<keyof Values, string> = {
  name: "单位名称",
  kind: "类型",
  parentId: "上级单位",
  divisionCode: "行政区划代码",
  creditCode: "统一社会信用代码",
};

/** A unit's fields: a new unit (or county), or an existing one's name, kind and codes. */
export function UnitForm({
  mode,
  initial,
  kinds,
}: {
  mode: Mode;
  initial: Values;
  kinds: readonly OrganizationKind[];
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const set = (field: keyof Values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = () =>
    startTransition(async () => {
      setMessage(null);
      const common = { name: values.name, divisionCode: values.divisionCode, creditCode: values.creditCode };
      const result =
        mode.kind === "create"
          ? await createUnitAction({ ...common, kind: values.kind, parentId: values.parentId })
          : mode.kind === "createCounty"
            ? await createCountyAction(common)
            : await updateUnitAction({
                ...common,
                kind: values.kind,
                unitId: mode.unitId,
                expectedUpdatedAt: mode.updatedAt,
              });
      if (result.ok) {
        setErrors({});
        if (mode.kind === "update") {
          setMessage("已保存。");
          router.refresh();
        } else router.push(`/admin/units?created=${encodeURIComponent(values.name.trim())}`);
        return;
      }
      const fieldErrors = fieldErrorsOf(result);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setMessage(result.message);
    });

  const problems = (Object.keys(labels) as (keyof Values)[])
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: `unit-${field}`, message: `${labels[field]}：${errors[field]}` }));

  const inputClass = (name: keyof Values) => `input${errors[name] ? " input--error" : ""}`;
  // The name and the codes: typed text, each with its hint.
  const textField = (
    name: "name" | "divisionCode" | "creditCode",
    hint: string,
    maxLength: number,
    inputMode?: "numeric",
  ) => (
    <FormField id={`unit-${name}`} label={labels[name]} hint={hint} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          className={inputClass(name)}
          value={values[name]}
          onChange={set(name)}
          inputMode={inputMode}
          maxLength={maxLength}
          autoComplete="off"
        />
      )}
    </FormField>
  );
  // The parent and the kind: one of a list.
  const selectField = (name: "parentId" | "kind", options: readonly { value: string; label: string }[]) => (
    <FormField id={`unit-${name}`} label={labels[name]} error={errors[name]}>
      {(control) => (
        <select {...control} className={inputClass(name)} value={values[name]} onChange={set(name)}>
          <LabelledOptions options={options} />
        </select>
      )}
    </FormField>
  );

  return (
    <ScriptForm onSubmit={submit}>
      <FormErrorSummary problems={problems} />
      {message && (
        <p
          className={
            Object.keys(errors).length === 0 && message === "已保存。" ? "notice notice--success" : "field__error"
          }
          role="status"
        >
          {message}
        </p>
      )}
      {mode.kind === "create" &&
        selectField(
          "parentId",
          mode.parents.map((parent) => ({ value: parent.id, label: parent.label })),
        )}
      {textField("name", "全称，如“董封乡人民政府”“阳城县教育局”，不超过 60 个字。", 200)}
      {mode.kind !== "createCounty" &&
        selectField(
          "kind",
          kinds.map((kind) => ({ value: kind, label: unitKindLabels[kind] })),
        )}
      {textField(
        "divisionCode",
        mode.kind === "createCounty"
          ? "6 位数字，如 140522。"
          : "乡、镇、街道填写 12 位统计用区划代码（以本县 6 位代码开头，后三位为 000）；县直部门留空。",
        40,
        "numeric",
      )}
      {textField("creditCode", "18 位，可留空。", 40)}
      <button className="button" type="submit" disabled={isPending}>
        {isPending ? "正在保存…" : mode.kind === "update" ? "保存修改" : "创建单位"}
      </button>
    </ScriptForm>
  );
}
