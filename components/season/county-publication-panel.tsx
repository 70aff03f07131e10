"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors/action-result";

/** A job as the server describes it (lib/jobs/background-job.ts JobView). */
export type PublicationJob = {
  id: string;
  state: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  done: number;
  total: number;
  label: string;
  failure: string | null;
  items: { reportId: string; organizationName: string; outcome: "published" | "skipped"; reason?: string }[];
  canRetry: boolean;
};

type JobAction<I> = (input: I) => Promise<ActionResult<PublicationJob>>;

const POLL_MS = 1_000;

const isUnderWay = (job: PublicationJob | null) => job?.state === "QUEUED" || job?.state === "RUNNING";

/**
 * 一键发布 on the season board: every approved report of the county and year published by a
 * job of the queue, which runs on whichever app instance takes it; this panel only follows
 * it (every second while it runs: 正在发布… 3/12) and offers 重试 when it failed for good.
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
  initialJob: PublicationJob | null;
  startPublication: JobAction<{ year: number }>;
  readProgress: JobAction<{ jobId: string }>;
  retry: JobAction<{ jobId: string }>;
}) {
  const router = useRouter();
  const [job, setJob] = useState(initialJob);
  const [isConfirming, setIsConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const jobId = job?.id;
  const underWay = isUnderWay(job);
  useEffect(() => {
    if (!jobId || !underWay) return;
    let isCurrent = true;
    const timer = setInterval(async () => {
      const result = await readProgress({ jobId }).catch(() => null);
      if (!isCurrent || !result) return;
      if (!result.ok) return setProblem(result.message);
      setProblem(null);
      setJob(result.data);
      // The board's statuses changed: read it again once the job is over.
      if (!isUnderWay(result.data)) router.refresh();
    }, POLL_MS);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [jobId, underWay, readProgress, router]);

  const act = (run: () => Promise<ActionResult<PublicationJob>>) =>
    startTransition(async () => {
      const result = await run();
      if (result.ok) {
        setJob(result.data);
        setProblem(null);
      } else setProblem(result.message);
      setIsConfirming(false);
    });

  const skipped = job?.items.filter((item) => item.outcome === "skipped") ?? [];
  return (
    <section className="season-publication" aria-labelledby="season-publication-title" data-testid="county-publication">
      <h2 id="season-publication-title">一键发布</h2>
      {job && (
        <div className="season-publication__job" data-state={job.state}>
          <p
            role={job.state === "FAILED" ? "alert" : "status"}
            aria-live="polite"
            data-testid="county-publication-label"
          >
            {job.label}
          </p>
          {underWay && (
            <progress max={Math.max(job.total, 1)} value={job.done} aria-label="发布进度">
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
            <button
              className="button"
              type="button"
              disabled={isPending}
              onClick={() => act(() => retry({ jobId: job.id }))}
            >
              {isPending ? "正在重试…" : "重试"}
            </button>
          )}
        </div>
      )}
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
                <button
                  className="button"
                  type="button"
                  disabled={isPending}
                  onClick={() => act(() => startPublication({ year }))}
                >
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
