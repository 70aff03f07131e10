"use client";
import { useWizard } from "./wizard-context";

/** Review comments on a place the layout does not have: shown at the top, never dropped. */
export function UnplacedComments() {
  const { comments } = useWizard();
  if (comments.unplaced.length === 0) return null;
  return (
    <div className="notice notice--warning">
      <p>其他审核意见：</p>
      <ul>
        {comments.unplaced.map((comment) => (
          <li key={comment.id}>{comment.body}</li>
        ))}
      </ul>
    </div>
  );
}
