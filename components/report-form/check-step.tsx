"use client";
import { useState, useSyncExternalStore } from "react";
import { actionRequestRefusal } from "@/lib/errors/action-request-refusals";
import type { ServerCopy } from "@/lib/report-data";
import type { DraftSaver } from "@/lib/report-form/draft-saver";
import { MAX_REASON_LENGTH } from "@/lib/workflow/transitions";
import { GroupedIssues } from "./grouped-issues";
import { useWizard } from "./wizard-context";

export type SubmitResult = { ok: true } | { ok: false; message: string };

/** 检查并提交: every problem of the report; errors block, each warning needs a reason. */
export function CheckStep({
  onSubmit,
  saver,
}: {
  onSubmit: (acknowledgements: Record<string, string>) => Promise<SubmitResult>;
  saver: DraftSaver<ServerCopy>;
}) {
  const { issues } = useWizard();
  const saveStatus = useSyncExternalStore(
    saver.subscribe,
    () => saver.getState().status,
    () => saver.getState().status,
  );
  const items = useSyncExternalStore(issues.subscribe, issues.getAll, issues.getAll);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<SubmitResult | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const errors = items.filter((item) => item.severity === "error");
  const warnings = items.filter((item) => item.severity === "warning" && item.finding);
  const missingReasons = warnings.filter((item) => !(reasons[item.key] ?? "").trim());
  const canSubmit = errors.length === 0 && missingReasons.length === 0 && !isSubmitting && saveStatus !== "conflict";

  const submit = async () => {
    setIsSubmitting(true);
    setOutcome(null);
    try {
      const acknowledgements = Object.fromEntries(warnings.map((item) => [item.key, (reasons[item.key] ?? "").trim()]));
      const result = await onSubmit(acknowledgements);
      setOutcome(result);
      if (result.ok) window.location.reload();
    } catch (error) {
      // A request the server refused unread says why; anything else is the connection.
      setOutcome({ ok: false, message: actionRequestRefusal(error) ?? "网络连接中断，报告未提交，请稍后重试。" });
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <div className="check-step">
      {errors.length === 0 && warnings.length === 0 ? (
        <p className="notice notice--success" data-testid="check-clean">
          检查通过：没有发现错误或需要说明的提示。
        </p>
      ) : (
        <GroupedIssues items={errors} title={`还有 ${errors.length} 处错误需要改正`} testId="check-errors" />
      )}
      {warnings.length > 0 && (
        <fieldset className="field" data-testid="warnings">
          <legend>以下 {warnings.length} 条提示需要逐条说明理由后才能提交</legend>
          {warnings.map((item, index) => (
            <div className="field" key={item.key}>
              <label className="field__label" htmlFor={`reason-${index}`}>
                {item.message}
              </label>
              <textarea
                id={`reason-${index}`}
                className="textarea"
                rows={2}
                maxLength={MAX_REASON_LENGTH}
                value={reasons[item.key] ?? ""}
                onChange={(event) => setReasons((previous) => ({ ...previous, [item.key]: event.target.value }))}
              />
            </div>
          ))}
        </fieldset>
      )}
      {outcome && !outcome.ok && (
        <p className="field__error" role="alert" data-testid="submit-error">
          {outcome.message}
        </p>
      )}
      <p>
        <button type="button" className="button" disabled={!canSubmit} onClick={submit}>
          {isSubmitting ? "正在提交…" : "提交审核"}
        </button>
      </p>
      {!canSubmit && !isSubmitting && (
        <p className="muted">
          {errors.length > 0 ? "请先改正全部错误。" : missingReasons.length > 0 ? "请为每条提示填写理由。" : ""}
        </p>
      )}
    </div>
  );
}
