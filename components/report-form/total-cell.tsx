"use client";
import { memo, useMemo, useSyncExternalStore } from "react";
import { useWatch } from "react-hook-form";
import { liveTotal } from "@/lib/report-data";
import { cellFieldName } from "@/lib/report-form/form-values";
import { totalStopNote } from "@/lib/report-form/total-stop";
import { compileLayout } from "@/lib/template";
import { noteRender } from "@/lib/report-form/render-probe";
import { CommentNotes } from "./comment-notes";
import { useFieldIssue } from "./field-issue";
import { fieldElementId, messageElementId, useWizard } from "./wizard-context";

/**
 * A total the form computes from the cells it depends on (and only those: it watches just them).
 * It shows a figure only when every one of them holds a valid figure; otherwise “—” and which
 * cell stops it (lib/report-data liveTotal), so a number nobody typed is never shown as a total.
 */
export const TotalCell = memo(function TotalCell({ cellId, label }: { cellId: string; label: string }) {
  noteRender("TotalCell");
  const { control, layout, comments, cellSources, issues, focusField } = useWizard();
  const compiled = compileLayout(layout);
  const cell = compiled.cell(cellId);
  const plan = cell?.total ?? null;
  const names = useMemo(() => (plan ? plan.inputs.map(cellFieldName) : []), [plan]);
  const values = useWatch({ control, name: names, exact: true }) as (number | null | undefined)[];
  const inputs = plan?.inputs;
  const unsettled = useSyncExternalStore(
    issues.subscribe,
    () => (inputs ? issues.firstUnsettledEntry(inputs) : -1),
    () => -1,
  );
  const live = cell && plan ? liveTotal(values, plan.weights, cell.type, (i) => i === unsettled) : null;
  const isAllBlank = unsettled < 0 && values.every((v) => typeof v !== "number");
  const stoppingId = live?.stop && !isAllBlank ? plan?.inputs[live.stop.index] : undefined;
  const stopping = stoppingId === undefined ? undefined : compiled.cell(stoppingId);
  const note = cell && stopping && live?.stop ? totalStopNote(cell, stopping, live.stop.reason) : null;
  const issue = useFieldIssue(cellId);
  const cellComments = comments.byCell.get(cellId);
  const messageId = messageElementId(cellId);
  const noteId = `total-stop-${cellId}`;
  const describedBy = [issue || cellComments ? messageId : null, note ? noteId : null].filter(Boolean).join(" ");
  const value = live?.value ?? null;
  return (
    <td
      className={issue ? `form-cell form-cell--total form-cell--${issue.severity}` : "form-cell form-cell--total"}
      title={cellSources?.[cellId] === undefined ? (note?.full ?? undefined) : `来源：${cellSources[cellId]}`}
      data-source={cellSources?.[cellId]}
    >
      <span
        id={fieldElementId(cellId)}
        className="form-cell__total"
        tabIndex={-1}
        role="note"
        aria-label={`${label}（自动计算）：${value ?? (note ? "暂不能计算" : "未填")}`}
        aria-describedby={describedBy || undefined}
        data-cell={cellId}
        data-testid="computed-total"
      >
        {value ?? "—"}
      </span>
      {note && stoppingId && (
        <button
          type="button"
          id={noteId}
          className="link-button form-cell__stop"
          data-testid="total-stop"
          tabIndex={-1}
          title={note.full}
          onClick={() => focusField(stoppingId)}
        >
          {note.short}
          <span className="visually-hidden">：{note.full}</span>
        </button>
      )}
      {(issue || cellComments) && (
        <div id={messageId}>
          {issue && <span className={`form-cell__message form-cell__message--${issue.severity}`}>{issue.message}</span>}
          <CommentNotes comments={cellComments} />
        </div>
      )}
    </td>
  );
});
