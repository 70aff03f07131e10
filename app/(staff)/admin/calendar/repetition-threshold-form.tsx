"use client";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { ScriptForm } from "@/components/ui/script-form";
import { useRefreshingAction } from "@/components/ui/use-refreshing-action";
import type { RepetitionThreshold } from "@/lib/organizations/get-repetition-threshold";
import { setRepetitionThresholdAction } from "./actions";

/**
 * The county's 雷同 threshold: a whole percentage, or blank for the server's default. The
 * number is parsed here only to send it typed; the server checks it again.
 */
export function RepetitionThresholdForm({ countyId, threshold }: { countyId: string; threshold: RepetitionThreshold }) {
  const [typed, setTyped] = useState(threshold.countySetting === null ? "" : String(threshold.countySetting));
  const { run, refuse, error, notice, isPending } = useRefreshingAction();
  return (
    <ScriptForm
      aria-label="雷同提示阈值"
      onSubmit={() => {
        const text = typed.trim().replace(/[%％]$/, "");
        const percent = text === "" ? null : /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
        if (Number.isNaN(percent)) {
          refuse("雷同提示阈值须为 1 至 100 之间的整数");
          return;
        }
        run(() => setRepetitionThresholdAction({ countyId, percent }), {
          noticeOf: () =>
            percent === null
              ? `已恢复默认阈值（${threshold.serverDefault}%）。`
              : `已保存：超过 ${percent}% 时提示雷同。`,
        });
      }}
    >
      {notice && (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      )}
      <FormField
        id="repetition-threshold"
        label="雷同提示阈值（%）"
        hint={`某一栏目与本单位上年报告或同县其他单位报告重复的文字超过这一比例时，提示填报人员和审核人员。留空则使用默认值 ${threshold.serverDefault}%。`}
        error={error ?? undefined}
      >
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            className={`input input--short${error ? " input--error" : ""}`}
            value={typed}
            placeholder={String(threshold.serverDefault)}
            onChange={(event) => setTyped(event.target.value)}
          />
        )}
      </FormField>
      <button className="button button--secondary" type="submit" disabled={isPending}>
        保存阈值
      </button>
    </ScriptForm>
  );
}
