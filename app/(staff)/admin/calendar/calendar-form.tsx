"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormErrorSummary, fieldErrorsOf } from "@/components/ui/form-error-summary";
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
        <div className="field" key={field.name}>
          <label htmlFor={`calendar-${field.name}`}>{field.label}</label>
          <p className="field__hint" id={`calendar-${field.name}-hint`}>
            {field.hint}
          </p>
          {errors[field.name] && (
            <p className="field__error" id={`calendar-${field.name}-error`}>
              {errors[field.name]}
            </p>
          )}
          <input
            id={`calendar-${field.name}`}
            type="date"
            className={`input${errors[field.name] ? " input--error" : ""}`}
            value={dates[field.name]}
            onChange={(event) => setDates((current) => ({ ...current, [field.name]: event.target.value }))}
            aria-invalid={Boolean(errors[field.name])}
            aria-describedby={[`calendar-${field.name}-hint`, errors[field.name] && `calendar-${field.name}-error`]
              .filter(Boolean)
              .join(" ")}
          />
        </div>
      ))}
      <button className="button" type="submit" disabled={isPending}>
        {isPending ? "正在保存…" : "保存报告期"}
      </button>
    </ScriptForm>
  );
}
