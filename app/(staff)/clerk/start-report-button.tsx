"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ErrorAlert } from "@/components/ui/error-alert";
import { startReportAction } from "./actions";

export function StartReportButton({ year }: { year: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div>
      <ErrorAlert message={error} />
      <button
        className="button"
        type="button"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await startReportAction({ year });
            if (result.ok) router.push(`/clerk/reports/${result.data.id}`);
            else setError(result.message);
          })
        }
      >
        {isPending ? "正在创建…" : `开始填写 ${year} 年度报告`}
      </button>
    </div>
  );
}
