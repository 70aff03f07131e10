import { formatDateTime } from "@/lib/format/date-time";
import type { CommentTargetOption } from "@/lib/review/comment-target-options";
import type { ReportComment } from "@/lib/review/report-comment";
import { CommentResolveButton, type ResolveCommentAction } from "./comment-resolve-button";

/**
 * The review comments on a report, each with the place it points to, the clerk's answer and
 * whether it is dealt with; `resolve` (the reviewer may close comments now) adds a button to
 * each open one.
 */
export function CommentList({
  comments,
  targets,
  resolve,
}: {
  comments: readonly ReportComment[];
  targets: readonly CommentTargetOption[];
  resolve?: { reportId: string; resolveComment: ResolveCommentAction };
}) {
  const labelOf = new Map(targets.map((option) => [option.target, option.label]));
  return (
    <section aria-labelledby="comments-heading" data-testid="review-comments">
      <h2 id="comments-heading">批注</h2>
      {comments.length === 0 ? (
        <p className="muted">还没有批注。</p>
      ) : (
        <ol className="review-comments">
          {comments.map((comment) => (
            <li
              key={comment.id}
              data-target={comment.target}
              data-testid="review-comment-item"
              data-resolved={comment.resolvedAt ? "true" : "false"}
            >
              <p>
                <strong>{labelOf.get(comment.target) ?? comment.target}</strong>
                <span className="muted">
                  {" "}
                  · {comment.authorName ?? "审核人员"} · {formatDateTime(comment.createdAt)} · 第{" "}
                  {comment.reportVersion} 版{comment.resolvedAt && ` · 已处理（${formatDateTime(comment.resolvedAt)}）`}
                </span>
              </p>
              <p className="review-text">{comment.body}</p>
              {comment.reply && (
                <p className="review-text" data-testid="review-comment-reply">
                  <strong>单位回复：</strong>
                  {comment.reply}
                  {comment.repliedAt && <span className="muted">（{formatDateTime(comment.repliedAt)}）</span>}
                </p>
              )}
              {resolve && !comment.resolvedAt && (
                <CommentResolveButton
                  reportId={resolve.reportId}
                  commentId={comment.id}
                  resolveComment={resolve.resolveComment}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
