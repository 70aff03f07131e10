"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { JobStatus } from "@/components/jobs/job-status";
import { useFollowJob, type FollowedJob, type JobFollowActions } from "@/components/jobs/use-follow-job";
import type { ActionResult } from "@/lib/errors/action-result";

/**
 * 一键发布 on the season board: every approved report of the county and year published by a
 * job of the queue, which runs on whichever app instance takes it; this panel only follows
 * it (components/jobs/use-follow-job.ts: 正在发布… 3/12) and offers 重试 when it failed for good.
 */
export function CountyPublicationPanel({
  year,
  publishable,
  initialJob,
  startPublication,
  readProgress,
  retry,
}: {
  year: number;
  publishable: number;
  initialJob: FollowedJob | null;
  startPublication: (input: { year: number }) => Promise<ActionResult<FollowedJob>>;
} & JobFollowActions) {
  const router = useRouter();
  // The board's statuses changed: read it again once the job is over.
  const refresh = useCallback(() => router.refresh(), [router]);
  const followed = useFollowJob(initialJob, { readProgress, retry }, refresh);
  const { job, underWay, problem, setProblem, follow } = followed;
  const [isConfirming, setIsConfirming] = useState(false);
  const [isPending, startTransition] = useTransition();

  const start = () =>
    startTransition(async () => {
      const result = await startPublication({ year });
      if (result.ok) follow(result.data);
      else setProblem(result.message);
      setIsConfirming(false);
    });

  return (
    <section className="season-publication" aria-labelledby="season-publication-title" data-testid="county-publication">
      <h2 id="season-publication-title">一键发布</h2>
      <JobStatus followed={followed} testId="county-publication-label" progressLabel="发布进度" />
      {!underWay && !job?.canRetry && (
        <>
          <p className="muted">
            {publishable > 0
              ? `本县 ${year} 年度有 ${publishable} 份已审核、尚未发布的报告，可一次全部发布（更正须在报告页逐份发布）。`
              : `本县 ${year} 年度没有待发布的已审核报告。`}
          </p>
          {publishable > 0 &&
            (isConfirming ? (
              <p>
                发布后公众即可查阅、下载，确定发布这 {publishable} 份报告吗？{" "}
                <button className="button" type="button" disabled={isPending} onClick={start}>
                  {isPending ? "正在提交…" : "确认发布"}
                </button>{" "}
                <button className="button button--secondary" type="button" onClick={() => setIsConfirming(false)}>
                  取消
                </button>
              </p>
            ) : (
              <button className="button" type="button" onClick={() => setIsConfirming(true)}>
                发布全部已审核报告（{publishable} 份）
              </button>
            ))}
        </>
      )}
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
