"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { JobStatus } from "@/components/jobs/job-status";
import { useFollowJob, type FollowedJob, type JobFollowActions } from "@/components/jobs/use-follow-job";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { ActionResult } from "@/lib/errors/action-result";
import { MAX_COMMENT_LENGTH, type TransitionName } from "@/lib/workflow/transitions";
import { PublishConfirmation } from "./publish-confirmation";
import { errorText, useReviewAction, type ReviewActionResult } from "./use-review-action";

/** The longest 更正说明 the server takes (MAX_CORRECTION_NOTE_LENGTH of lib/reports/publish-report.ts, server-only). */
const MAX_CORRECTION_NOTE_LENGTH = 2000;

type Base = { reportId: string; expectedVersion: number };
/** The server actions the page hands down (components do not import app code). */
export type DecisionActions = {
  returnReport: (input: Base & { comment: string }) => Promise<ReviewActionResult>;
  /** With `publish`, its answer carries the publication's job. */
  approveReport: (
    input: Base & { comment?: string; documentDate?: string; publish?: boolean; correctionNote?: string },
  ) => Promise<ActionResult<{ job?: FollowedJob }>>;
  /** Queues the publication as a job of the queue; the bar follows it. */
  publishReport: (
    input: Base & { correctionNote?: string; documentDate?: string },
  ) => Promise<ActionResult<FollowedJob>>;
  reopenReport: (input: Base & { comment: string }) => Promise<ReviewActionResult>;
  /** Queues the imported report's publication as read, the same job as publishReport's; the bar follows it. */
  confirmImport: (input: Base & { correctionNote?: string }) => Promise<ActionResult<FollowedJob>>;
};

/**
 * The reviewer's decisions on a report, offered only when the policy allows them: return
 * (a comment is required), approve with its 成文日期 (optionally publishing at once),
 * publish, confirm an imported report (published as read, with the document's own dates),
 * and reopen a published report for a correction. A correction's publication needs a
 * 更正说明. Publishing a report written here never happens in one click: it opens the
 * confirmation with the 样稿 of exactly what will be frozen. Once confirmed, the publication
 * (rendering its PDF and DOCX) is a job of the queue, which the bar follows (排队中… /
 * 正在发布… / 已发布, or the failure with 重试); the page is read again when it is over.
 * Confirming an import publishes it in the same job, at once (the reviewer has compared it
 * with its source file; its text is frozen as read).
 */
export function DecisionBar({
  reportId,
  version,
  allowed,
  isCorrection,
  documentDate: initialDocumentDate,
  actions,
  publicationJob,
  followJob,
}: {
  reportId: string;
  version: number;
  allowed: readonly TransitionName[];
  isCorrection: boolean;
  /** The 成文日期 to offer: the one set at approval, else today (YYYY-MM-DD). */
  documentDate: string;
  actions: DecisionActions;
  /** The reviewer's publication job of this report still under way or failed (after a reload). */
  publicationJob: FollowedJob | null;
  followJob: JobFollowActions;
}) {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  const publication = useFollowJob(publicationJob, followJob, refresh);
  const [comment, setComment] = useState("");
  const [correctionNote, setCorrectionNote] = useState("");
  const [documentDate, setDocumentDate] = useState(initialDocumentDate);
  const [confirming, setConfirming] = useState<"approveAndPublish" | "publish" | null>(null);
  const { run, error, isPending } = useReviewAction();
  const message = errorText(error);
  const may = (transition: TransitionName) => allowed.includes(transition);
  const canPublish = may("publish") || may("approve");
  if (allowed.length === 0 && !publication.job) return null;
  const base = { reportId, expectedVersion: version };
  /** A decision in one click; `onSuccess` reads its answer (the publication job it queued). */
  const decision = <T,>(
    label: string,
    call: () => Promise<ActionResult<T>>,
    variant?: "warning" | "secondary",
    onSuccess?: (data: T) => void,
  ) => (
    <button
      className={variant ? `button button--${variant}` : "button"}
      type="button"
      disabled={isPending}
      onClick={() => run(call, onSuccess)}
    >
      {label}
    </button>
  );
  // Publishing first shows the 样稿 (PublishConfirmation), never in one click.
  const openConfirmation = (label: string, kind: "approveAndPublish" | "publish") => (
    <button className="button" type="button" disabled={isPending} onClick={() => setConfirming(kind)}>
      {label}
    </button>
  );
  const started = (job: FollowedJob | undefined) => {
    setConfirming(null);
    if (job) publication.follow(job);
  };
  const publish = () =>
    confirming === "approveAndPublish"
      ? run(
          () =>
            actions.approveReport({
              reportId,
              expectedVersion: version,
              comment: comment || undefined,
              documentDate: documentDate || undefined,
              publish: true,
              correctionNote: correctionNote || undefined,
            }),
          (approved) => started(approved.job),
        )
      : run(
          () =>
            actions.publishReport({
              reportId,
              expectedVersion: version,
              documentDate: documentDate || undefined,
              correctionNote: correctionNote || undefined,
            }),
          started,
        );
  return (
    <section className="review-decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">审核决定</h2>
      <ProblemAlert title="操作未完成" message={message ?? publication.problem} />
      <JobStatus followed={publication} testId="report-publication-label" />
      {(may("return") || may("reopenForCorrection")) && (
        <TextAreaField
          id="decision-comment"
          label={may("reopenForCorrection") ? "更正原因（发起更正时必填）" : "审核意见（退回时必填）"}
          value={comment}
          onChange={setComment}
          maxLength={MAX_COMMENT_LENGTH}
        />
      )}
      {isCorrection && (canPublish || may("confirmImport")) && (
        <TextAreaField
          id="correction-note"
          label="更正说明（发布更正版本时必填，将随报告公开）"
          value={correctionNote}
          onChange={setCorrectionNote}
          maxLength={MAX_CORRECTION_NOTE_LENGTH}
        />
      )}
      {canPublish && (
        <div className="field">
          <label htmlFor="document-date">成文日期（落款日期，默认审核当日）</label>
          <input
            id="document-date"
            className="input input--date"
            type="date"
            value={documentDate}
            onChange={(event) => {
              setDocumentDate(event.target.value);
              setConfirming(null);
            }}
          />
        </div>
      )}
      {confirming && (
        <PublishConfirmation
          previewUrl={`/api/reports/${reportId}/preview`}
          documentDate={documentDate}
          correctionNote={isCorrection ? correctionNote : ""}
          isPending={isPending}
          onConfirm={publish}
          onCancel={() => setConfirming(null)}
        />
      )}
      <div className="review-decision__buttons" hidden={confirming !== null || publication.underWay}>
        {may("return") && decision("退回修改", () => actions.returnReport({ ...base, comment }), "warning")}
        {may("approve") &&
          decision(
            "审核通过",
            () =>
              actions.approveReport({
                ...base,
                comment: comment || undefined,
                documentDate: documentDate || undefined,
              }),
            "secondary",
          )}
        {may("approve") && openConfirmation("审核通过并发布…", "approveAndPublish")}
        {may("publish") && openConfirmation("发布…", "publish")}
        {may("confirmImport") &&
          decision(
            isCorrection ? "确认更正并发布" : "确认导入并发布",
            () => actions.confirmImport({ ...base, correctionNote: correctionNote || undefined }),
            undefined,
            started,
          )}
        {may("reopenForCorrection") &&
          decision("发起更正", () => actions.reopenReport({ ...base, comment }), "warning")}
      </div>
      {isPending && <p role="status">正在处理，请稍候…</p>}
    </section>
  );
}
