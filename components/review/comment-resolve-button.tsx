"use client";
import { errorText, useReviewAction, type ReviewActionResult } from "./use-review-action";

export type ResolveCommentAction = (input: { reportId: string; commentId: string }) => Promise<ReviewActionResult>;

/** Marks one review comment as dealt with (已处理); it then leaves the queue's 未处理批注 count. */
export function CommentResolveButton({
  reportId,
  commentId,
  resolveComment,
}: {
  reportId: string;
  commentId: string;
  resolveComment: ResolveCommentAction;
}) {
  const { run, error, isPending } = useReviewAction();
  const message = errorText(error);
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={isPending}
        onClick={() => run(() => resolveComment({ reportId, commentId }))}
      >
        {isPending ? "正在保存…" : "标为已处理"}
      </button>
      {message && (
        <span className="field__error" role="alert">
          {" "}
          {message}
        </span>
      )}
    </>
  );
}
