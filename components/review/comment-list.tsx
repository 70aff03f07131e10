import { formatDateTime } from "@/lib/format/date-time";
import type { CommentTargetOption } from "@/lib/review/comment-target-options";
import type { ReportComment } from "@/lib/review/report-comment";

/** The review comments on a report, each with the place it points to. */
export function CommentList({
  comments,
  targets,
}: {
  comments: readonly ReportComment[];
  targets: readonly CommentTargetOption[];
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
            <li key={comment.id} data-target={comment.target}>
              <p>
                <strong>{labelOf.get(comment.target) ?? comment.target}</strong>
                <span className="muted">
                  {" "}
                  · {comment.authorName ?? "审核人员"} · {formatDateTime(comment.createdAt)} · 第{" "}
                  {comment.reportVersion} 版
                </span>
              </p>
              <p className="review-text">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
