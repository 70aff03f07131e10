"use client";
import { useEffect, useRef } from "react";
import type { PendingPaste } from "./use-form-acts";
import { fieldElementId, useWizard } from "./wizard-context";

function backToCell(cellId: string): void {
  document.getElementById(fieldElementId(cellId))?.focus();
}

/**
 * Before a paste writes more than one row, what goes where: each grid row with the values it
 * receives, and what will not be written. Nothing is written until 确认粘贴; 取消 or Escape
 * leaves the form as it was. A modal <dialog>, so focus stays inside while it is open.
 */
export function PastePreview({ pending }: { pending: PendingPaste }) {
  const { acts } = useWizard();
  const ref = useRef<HTMLDialogElement>(null);
  const { plan, gridId, cellId } = pending;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Closed before focusing: while the modal is open the rest of the page is inert.
  const confirm = (): void => {
    ref.current?.close();
    acts.applyPaste(gridId, plan);
    backToCell(cellId);
  };
  const cancel = (): void => {
    ref.current?.close();
    acts.cancelPaste();
    backToCell(cellId);
  };

  const rows = plan.rows.filter((row) => row.fills.length > 0);
  return (
    <dialog
      ref={ref}
      className="paste-preview"
      aria-labelledby="paste-preview-title"
      data-testid="paste-preview"
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      <h2 id="paste-preview-title">确认粘贴位置</h2>
      <p>
        {plan.labelled ? "按粘贴内容中的行名对应到本表各行" : "从当前格子起按位置填入"}，将填入 {plan.fills.length} 格：
      </p>
      <table className="paste-preview__table">
        <thead>
          <tr>
            <th scope="col">填入的行</th>
            {plan.labelled && <th scope="col">粘贴内容中的行名</th>}
            <th scope="col">填入的数值</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.fills[0]!.cellId} data-testid="paste-preview-row">
              <th scope="row">{row.rowLabel}</th>
              {plan.labelled && <td>{row.pastedLabel}</td>}
              <td>{row.fills.map((fill) => `${fill.columnLabel} ${fill.value}`).join("，")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(plan.unplacedRows.length > 0 || plan.refused.length > 0) && (
        <div className="notice notice--warning">
          <p>以下内容不会填入：</p>
          <ul>
            {plan.unplacedRows.map((row, index) => (
              <li key={`row-${index}`}>
                {row.pastedLabel}：{row.message}
              </li>
            ))}
            {plan.refused.map((refusal) => (
              <li key={refusal.cellId}>
                {refusal.label}：{refusal.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.totalsSkipped > 0 && <p className="field__hint">{plan.totalsSkipped} 个合计值不写入，由系统自动计算。</p>}
      <div className="paste-preview__actions">
        <button type="button" className="button" onClick={confirm} autoFocus>
          确认粘贴
        </button>
        <button type="button" className="button button--secondary" onClick={cancel}>
          取消
        </button>
      </div>
    </dialog>
  );
}
