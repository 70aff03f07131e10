import type { WizardComment } from "@/lib/report-form/comment-placement";

/** The reviewer's comments at their place in the form. */
export function CommentNotes({ comments, id }: { comments: readonly WizardComment[] | undefined; id?: string }) {
  if (!comments || comments.length === 0) return null;
  return (
    <ul className="review-notes" id={id} data-testid="review-comment">
      {comments.map((comment) => (
        <li key={comment.id} className={comment.isResolved ? "review-note review-note--resolved" : "review-note"}>
          <span className="review-note__label">审核意见{comment.authorName ? `（${comment.authorName}）` : ""}：</span>
          {comment.body}
          {comment.isResolved && <span className="review-note__state">（已处理）</span>}
          {comment.reply && (
            <span className="review-note__reply" data-testid="comment-reply">
              <span className="review-note__label">本单位回复：</span>
              {comment.reply}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
