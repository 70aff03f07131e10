"use client";
import { isJobUnderWay, type useFollowJob } from "./use-follow-job";

/**
 * A job's state as its starter reads it (use-follow-job.ts): the zh-CN line (排队中… /
 * 正在发布… 3/12 / 已发布 / the failure), a progress bar while it runs when it counts items,
 * what was skipped and why, and 重试 once it failed for good.
 */
export function JobStatus({
  followed: { job, isRetrying, retryJob },
  testId,
  progressLabel,
}: {
  /** The job followed (nothing is shown before there is one). */
  followed: Pick<ReturnType<typeof useFollowJob>, "job" | "isRetrying" | "retryJob">;
  /** The label's data-testid (the journeys read it). */
  testId: string;
  /** The progress bar's accessible name, e.g. 发布进度; none for a job on one thing. */
  progressLabel?: string;
}) {
  if (!job) return null;
  const underWay = isJobUnderWay(job);
  const skipped = job.items.filter((item) => item.outcome === "skipped");
  return (
    <div className="job-status" data-state={job.state}>
      <p role={job.state === "FAILED" ? "alert" : "status"} aria-live="polite" data-testid={testId}>
        {job.label}
      </p>
      {underWay && progressLabel && (
        <progress max={Math.max(job.total, 1)} value={job.done} aria-label={progressLabel}>
          {job.done}/{job.total}
        </progress>
      )}
      {skipped.length > 0 && !underWay && (
        <ul>
          {skipped.map((item) => (
            <li key={item.reportId}>
              {item.organizationName}：{item.reason}
            </li>
          ))}
        </ul>
      )}
      {job.canRetry && (
        <button className="button" type="button" disabled={isRetrying} onClick={retryJob}>
          {isRetrying ? "正在重试…" : "重试"}
        </button>
      )}
    </div>
  );
}
