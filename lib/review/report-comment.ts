/**
 * A review comment as the pages show it: the server lists them (lib/reports/list-report-comments.ts)
 * and the review page's components read the same type.
 */
export type ReportComment = {
  id: string;
  /** A comment target string, see lib/workflow/comment-target.ts. */
  target: string;
  body: string;
  authorName: string | null;
  reportVersion: number;
  createdAt: Date;
  resolvedAt: Date | null;
  /** The clerk's answer, if any (lib/reports/reply-to-review-comment.ts). */
  reply: string | null;
  repliedAt: Date | null;
};
