"use client";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { useState } from "react";
import type { TransitionName } from "@/lib/workflow/transitions";
import { errorText, useReviewAction, type ReviewActionResult } from "./use-review-action";

type Base = { reportId: string; expectedVersion: number };
/** The server actions the page hands down (components do not import app code). */
export type DecisionActions = {
  returnReport: (input: Base & { comment: string }) => Promise<ReviewActionResult>;
  approveReport: (
    input: Base & { comment?: string; publish?: boolean; correctionNote?: string },
  ) => Promise<ReviewActionResult>;
  publishReport: (input: Base & { correctionNote?: string }) => Promise<ReviewActionResult>;
  reopenReport: (input: Base & { comment: string }) => Promise<ReviewActionResult>;
  confirmImport: (input: Base & { correctionNote?: string }) => Promise<ReviewActionResult>;
};

/** A note the reviewer writes with a decision (the return comment, the 更正说明). */
function NoteField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="input"
        rows={3}
        maxLength={2000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * The reviewer's decisions on a report, offered only when the policy allows them: return
 * (a comment is required), approve (optionally publishing at once), publish, confirm an
 * imported report (published as read), and reopen a published report for a correction. A
 * correction's publication needs a 更正说明.
 */
export function DecisionBar(props: {
  reportId: string;
  version: number;
  allowed: readonly TransitionName[];
  isCorrection: boolean;
  actions: DecisionActions;
}) {
  const { allowed, actions } = props;
  const [comment, setComment] = useState("");
  const [correctionNote, setCorrectionNote] = useState("");
  const { run, error, isPending } = useReviewAction();
  const message = errorText(error);
  const may = (transition: TransitionName) => allowed.includes(transition);
  const canPublish = may("publish") || may("approve") || may("confirmImport");
  if (allowed.length === 0) return null;
  const base = { reportId: props.reportId, expectedVersion: props.version };
  const decision = (label: string, call: () => Promise<ReviewActionResult>, variant?: "warning" | "secondary") => (
    <button
      className={variant ? `button button--${variant}` : "button"}
      type="button"
      disabled={isPending}
      onClick={() => run(call)}
    >
      {label}
    </button>
  );
  return (
    <section className="review-decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">审核决定</h2>
      <ProblemAlert title="操作未完成" message={message} />
      {(may("return") || may("reopenForCorrection")) && (
        <NoteField
          id="decision-comment"
          label={may("reopenForCorrection") ? "更正原因（发起更正时必填）" : "审核意见（退回时必填）"}
          value={comment}
          onChange={setComment}
        />
      )}
      {props.isCorrection && canPublish && (
        <NoteField
          id="correction-note"
          label="更正说明（发布更正版本时必填，将随报告公开）"
          value={correctionNote}
          onChange={setCorrectionNote}
        />
      )}
      <div className="review-decision__buttons">
        {may("return") && decision("退回修改", () => actions.returnReport({ ...base, comment }), "warning")}
        {may("approve") &&
          decision("审核通过", () => actions.approveReport({ ...base, comment: comment || undefined }), "secondary")}
        {may("approve") &&
          decision("审核通过并发布", () =>
            actions.approveReport({
              ...base,
              comment: comment || undefined,
              publish: true,
              correctionNote: correctionNote || undefined,
            }),
          )}
        {may("publish") &&
          decision("发布", () => actions.publishReport({ ...base, correctionNote: correctionNote || undefined }))}
        {may("confirmImport") &&
          decision(props.isCorrection ? "确认更正并发布" : "确认导入并发布", () =>
            actions.confirmImport({ ...base, correctionNote: correctionNote || undefined }),
          )}
        {may("reopenForCorrection") &&
          decision("发起更正", () => actions.reopenReport({ ...base, comment }), "warning")}
      </div>
      {isPending && <p role="status">正在处理，发布时需要生成 PDF，请稍候…</p>}
    </section>
  );
}
