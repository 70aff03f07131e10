"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormErrorSummary, fieldErrorsOf } from "@/components/ui/form-error-summary";
import { FormField } from "@/components/ui/form-field";
import { ScriptForm } from "@/components/ui/script-form";
import type { ReportingCalendar } from "@/lib/organizations/reporting-calendar";
import { setReportingCalendarAction } from "./actions";

const fields = [
  { name: "opensOn", label: "开始填写日期", hint: "各单位从这一天起填写本年度报告。" },
  { name: "unitDeadline", label: "乡镇（街道）和县直部门的公布期限", hint: "默认次年 1 月 31 日。" },
  { name: "countyDeadline", label: "县政府的公布期限", hint: "默认次年 3 月 31 日。" },
] as const;

type Dates = Record<(typeof fields)[number]["name"], string>;

export function CalendarForm({ calendar }: { calendar: ReportingCalendar }) {
  const router = useRouter();
  const [dates, setDates] = useState<Dates>({
    opensOn: calendar.opensOn,
    unitDeadline: calendar.unitDeadline,
    countyDeadline: calendar.countyDeadline,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const problems = fields
    .filter((field) => errors[field.name])
    .map((field) => ({ fieldId: `calendar-${field.name}`, message: `${field.label}：${errors[field.name]}` }));
  return (
    <ScriptForm
      onSubmit={() =>
        startTransition(async () => {
          setSaved(false);
          setMessage(null);
          const result = await setReportingCalendarAction({
            countyId: calendar.countyId,
            year: calendar.year,
            ...dates,
          });
          if (result.ok) {
            setErrors({});
            setSaved(true);
            router.refresh();
            return;
          }
          const fieldErrors = fieldErrorsOf(result);
          setErrors(fieldErrors);
          if (Object.keys(fieldErrors).length === 0) setMessage(result.message);
        })
      }
    >
      <FormErrorSummary problems={problems} />
      <ErrorAlert message={message} />
      {saved && (
        <p className="notice notice--success" role="status">
          已保存 {calendar.year} 年度的报告期。
        </p>
      )}
      {fields.map((field) => (
        <FormField
          key={field.name}
          id={`calendar-${field.name}`}
          label={field.label}
          hint={field.hint}
          error={errors[field.name]}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              className={`input${errors[field.name] ? " input--error" : ""}`}
              value={dates[field.name]}
              onChange={(event) => setDates((current) => ({ ...current, [field.name]: event.target.value }))}
            />
          )}
        </FormField>
      ))}
      <button className="button" type="submit" disabled={isPending}>
        {isPending ? "正在保存…" : "保存报告期"}
      </button>
    </ScriptForm>
  );
}
