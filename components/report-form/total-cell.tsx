"use client";
import { memo, useMemo } from "react";
import { useWatch } from "react-hook-form";
import { sumParts } from "@/lib/report-data";
import { cellFieldName } from "@/lib/report-form/form-values";
import { compileLayout } from "@/lib/template";
import { noteRender } from "@/lib/report-form/render-probe";
import { CommentNotes } from "./comment-notes";
import { useFieldIssue } from "./field-issue";
import { fieldElementId, messageElementId, useWizard } from "./wizard-context";

/** A total the form computes from the cells it depends on (and only those: it watches just them). */
export const TotalCell = memo(function TotalCell({ cellId, label }: { cellId: string; label: string }) {
  noteRender("TotalCell");
  const { control, layout, comments, cellSources } = useWizard();
  const cell = compileLayout(layout).cell(cellId);
  const plan = cell?.total ?? null;
  const names = useMemo(() => (plan ? plan.inputs.map(cellFieldName) : []), [plan]);
  const values = useWatch({ control, name: names, exact: true }) as (number | null | undefined)[];
  const total = cell && plan ? sumParts(values, plan.weights, cell.type) : null;
  const issue = useFieldIssue(cellId);
  const cellComments = comments.byCell.get(cellId);
  const messageId = messageElementId(cellId);
  return (
    <td
      className={issue ? `form-cell form-cell--total form-cell--${issue.severity}` : "form-cell form-cell--total"}
      title={cellSources?.[cellId] === undefined ? undefined : `来源：${cellSources[cellId]}`}
      data-source={cellSources?.[cellId]}
    >
      <span
        id={fieldElementId(cellId)}
        className="form-cell__total"
        tabIndex={-1}
        role="note"
        aria-label={`${label}（自动计算）：${total ?? "未填"}`}
        aria-describedby={issue || cellComments ? messageId : undefined}
        data-cell={cellId}
        data-testid="computed-total"
      >
        {total ?? "—"}
      </span>
      {(issue || cellComments) && (
        <div id={messageId}>
          {issue && <span className={`form-cell__message form-cell__message--${issue.severity}`}>{issue.message}</span>}
          <CommentNotes comments={cellComments} />
        </div>
      )}
    </td>
  );
});
