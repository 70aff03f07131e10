"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { countyReportModeLabels, countyReportModes, type CountyReportMode } from "@/lib/report-data";
import { setCountyReportModeAction } from "./actions";

/** The county administrator's choice of how the county government's own report fills its tables. */
export function ReportModeForm({ countyId, mode }: { countyId: string; mode: CountyReportMode }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<CountyReportMode>(mode);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <form
      noValidate
      aria-label="县政府报告的填报方式"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await setCountyReportModeAction({ countyId, mode: chosen });
          setMessage(result.ok ? { ok: true, text: "已保存填报方式。" } : { ok: false, text: result.message });
          if (result.ok) router.refresh();
        });
      }}
    >
      <fieldset className="field">
        <legend>县政府本级报告的表格</legend>
        {countyReportModes.map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name="mode"
              value={option}
              checked={chosen === option}
              onChange={() => setChosen(option)}
            />{" "}
            {countyReportModeLabels[option]}
          </label>
        ))}
      </fieldset>
      {message && (
        <p className={message.ok ? "notice notice--success" : "field__error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
      <button className="button button--secondary" type="submit" disabled={isPending}>
        保存填报方式
      </button>
    </form>
  );
}
