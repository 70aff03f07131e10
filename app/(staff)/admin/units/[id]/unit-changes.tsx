"use client";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FormErrorSummary, fieldErrorsOf } from "@/components/ui/form-error-summary";
import { FormField } from "@/components/ui/form-field";
import { LabelledOptions } from "@/components/ui/named-options";
import { ScriptForm } from "@/components/ui/script-form";
import { useRefreshingAction } from "@/components/ui/use-refreshing-action";
import { moveUnitAction, restoreUnitAction, retireUnitAction } from "../actions";

export function MoveUnitForm({
  unitId,
  currentParentId,
  targets,
}: {
  unitId: string;
  currentParentId: string | null;
  targets: { id: string; label: string }[];
}) {
  const [parentId, setParentId] = useState(currentParentId ?? targets[0]?.id ?? "");
  const { run, error, isPending } = useRefreshingAction();
  return (
    <ScriptForm
      onSubmit={() =>
        run(() => moveUnitAction({ unitId, parentId }), {
          errorOf: (failure) => fieldErrorsOf(failure).parentId ?? failure.message,
        })
      }
    >
      <FormErrorSummary problems={error ? [{ fieldId: "move-parentId", message: `新的上级单位：${error}` }] : []} />
      <FormField id="move-parentId" label="新的上级单位" error={error ?? undefined}>
        {(control) => (
          <select
            {...control}
            className={`input${error ? " input--error" : ""}`}
            value={parentId}
            onChange={(event) => setParentId(event.target.value)}
          >
            <LabelledOptions options={targets.map((target) => ({ value: target.id, label: target.label }))} />
          </select>
        )}
      </FormField>
      <button className="button button--secondary" type="submit" disabled={isPending || parentId === currentParentId}>
        {isPending ? "正在移动…" : "移动"}
      </button>
    </ScriptForm>
  );
}

export function RetireUnitButton({
  unitId,
  unitName,
  isRetired,
}: {
  unitId: string;
  unitName: string;
  isRetired: boolean;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const { run: runAction, error, isPending } = useRefreshingAction();
  const run = () =>
    runAction<unknown>(async () => {
      const result = isRetired ? await restoreUnitAction({ unitId }) : await retireUnitAction({ unitId });
      setIsConfirming(false);
      return result;
    });
  return (
    <div>
      <ErrorAlert message={error} />
      {isRetired ? (
        <button className="button button--secondary" type="button" disabled={isPending} onClick={run}>
          恢复本单位
        </button>
      ) : isConfirming ? (
        <div className="notice notice--warning" role="group" aria-label="确认停用">
          <p>停用“{unitName}”后，它不再参加新的年度报告，也不能开始新的报告；已公开的报告仍在网站上。确定停用吗？</p>
          <button className="button button--warning" type="button" disabled={isPending} onClick={run}>
            {isPending ? "正在停用…" : "确定停用"}
          </button>{" "}
          <button className="link-button" type="button" onClick={() => setIsConfirming(false)}>
            取消
          </button>
        </div>
      ) : (
        <button className="button button--warning" type="button" onClick={() => setIsConfirming(true)}>
          停用本单位
        </button>
      )}
    </div>
  );
}
