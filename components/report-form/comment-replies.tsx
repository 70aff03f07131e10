"use client";
import { useState } from "react";
import { errorText, useReviewAction, type ReviewActionResult } from "@/components/review/use-review-action";

export type ReplyToCommentAction = (input: {
  reportId: string;
  commentId: string;
  body: string;
}) => Promise<ReviewActionResult>;

export interface CommentToAnswer {
  readonly id: string;
  /** Where the comment points, as the review page words it (一、总体情况, a row, a cell). */
  readonly label: string;
  readonly body: string;
  readonly authorName: string | null;
  readonly isResolved: boolean;
  readonly reply: string | null;
}

/**
 * The reviewer's comments of this round, each with the clerk's answer: what was changed, or
 * why not. The answer shows beside the comment in the form and on the review page; a
 * comment the reviewer has closed (已处理) takes no more answers.
 */
export function CommentReplies({
  reportId,
  comments,
  maxLength,
  replyToComment,
}: {
  reportId: string;
  comments: readonly CommentToAnswer[];
  maxLength: number;
  replyToComment: ReplyToCommentAction;
}) {
  if (comments.length === 0) return null;
  return (
    <section className="comment-replies" aria-labelledby="comment-replies-heading" data-testid="comment-replies">
      <h2 id="comment-replies-heading">审核意见与回复</h2>
      <ol className="comment-replies__list">
        {comments.map((comment) => (
          <CommentReply
            key={comment.id}
            reportId={reportId}
            comment={comment}
            maxLength={maxLength}
            replyToComment={replyToComment}
          />
        ))}
      </ol>
    </section>
  );
}

function CommentReply({
  reportId,
  comment,
  maxLength,
  replyToComment,
}: {
  reportId: string;
  comment: CommentToAnswer;
  maxLength: number;
  replyToComment: ReplyToCommentAction;
}) {
  const [body, setBody] = useState(comment.reply ?? "");
  const { run, error, isPending } = useReviewAction();
  const message = errorText(error);
  const inputId = `reply-${comment.id}`;
  return (
    <li className="comment-replies__item" data-testid="comment-to-answer">
      <p>
        <strong>{comment.label}</strong>
        <span className="muted"> · {comment.authorName ?? "审核人员"}</span>
        {comment.isResolved && <span className="muted"> · 已处理</span>}
      </p>
      <p className="review-text">{comment.body}</p>
      {comment.isResolved ? (
        comment.reply && (
          <p className="review-text">
            <span className="review-note__label">本单位回复：</span>
            {comment.reply}
          </p>
        )
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            run(() => replyToComment({ reportId, commentId: comment.id, body }));
          }}
        >
          {message && (
            <p className="field__error" role="alert">
              {message}
            </p>
          )}
          <label htmlFor={inputId}>{comment.reply ? "修改回复" : "回复审核人员"}</label>
          <textarea
            id={inputId}
            className="input"
            rows={2}
            maxLength={maxLength}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          <button className="button button--secondary" type="submit" disabled={isPending}>
            {isPending ? "正在发送…" : comment.reply ? "更新回复" : "发送回复"}
          </button>
          {comment.reply && (
            <span className="muted" data-testid="reply-sent">
              {" "}
              已回复
            </span>
          )}
        </form>
      )}
    </li>
  );
}
