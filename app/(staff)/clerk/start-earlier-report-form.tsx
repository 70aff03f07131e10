"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ErrorAlert } from "@/components/ui/error-alert";
import { YearOptions } from "@/components/ui/named-options";
import { startReportAction } from "./actions";

/** Starts the report of an earlier year that was never published, to fill in the history. */
export function StartEarlierReportForm({ years }: { years: number[] }) {
  const router = useRouter();
  const [year, setYear] = useState(years[0]!);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await startReportAction({ year });
          if (result.ok) router.push(`/clerk/reports/${result.data.id}`);
          else setError(result.message);
        });
      }}
    >
      <ErrorAlert message={error} />
      <label htmlFor="earlier-year">补填往年报告（未在别处公布过的年度）</label>{" "}
      <select
        className="input"
        id="earlier-year"
        value={year}
        onChange={(event) => setYear(Number(event.target.value))}
      >
        <YearOptions years={years} />
      </select>{" "}
      <button className="button button--secondary" type="submit" disabled={isPending}>
        {isPending ? "正在创建…" : "开始补填"}
      </button>
    </form>
  );
}
