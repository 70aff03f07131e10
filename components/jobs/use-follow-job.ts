"use client";
import { useEffect, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors/action-result";

/** A job as the server describes it (lib/jobs/background-job.ts JobView). */
export type FollowedJob = {
  id: string;
  state: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  done: number;
  total: number;
  label: string;
  failure: string | null;
  items: { reportId: string; organizationName: string; outcome: "published" | "skipped"; reason?: string }[];
  /** A batch import's result per file (lib/reports/import-report-batch.ts BatchFileResult). */
  fileResults: {
    fileName: string;
    outcome: "imported" | "skipped" | "unreadable";
    reason: string | null;
    organizationName: string | null;
    year: number | null;
    problemCount: number;
  }[];
  canRetry: boolean;
};

/** The server actions that follow a job (app/(staff)/jobs/actions.ts; components do not import app code). */
export type JobFollowActions = {
  readProgress: (input: { jobId: string }) => Promise<ActionResult<FollowedJob>>;
  retry: (input: { jobId: string }) => Promise<ActionResult<FollowedJob>>;
};

const POLL_MS = 1_000;

export const isJobUnderWay = (job: FollowedJob | null) => job?.state === "QUEUED" || job?.state === "RUNNING";

/**
 * Follows a job of the queue, which runs on whichever app instance takes it: its progress
 * read every second while it is queued or running, `onFinished` once it is over (the page
 * reads its data again), and 重试 for one that failed for good. `problem` is the zh-CN
 * answer of a read or retry that was refused.
 */
export function useFollowJob(
  initialJob: FollowedJob | null,
  { readProgress, retry }: JobFollowActions,
  onFinished: () => void,
) {
  const [job, setJob] = useState(initialJob);
  const [problem, setProblem] = useState<string | null>(null);
  const [isRetrying, startRetry] = useTransition();

  const jobId = job?.id;
  const underWay = isJobUnderWay(job);
  useEffect(() => {
    if (!jobId || !underWay) return;
    let isCurrent = true;
    const timer = setInterval(async () => {
      const result = await readProgress({ jobId }).catch(() => null);
      if (!isCurrent || !result) return;
      if (!result.ok) return setProblem(result.message);
      setProblem(null);
      setJob(result.data);
      if (!isJobUnderWay(result.data)) onFinished();
    }, POLL_MS);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [jobId, underWay, readProgress, onFinished]);

  const retryJob = () =>
    startRetry(async () => {
      if (!jobId) return;
      const result = await retry({ jobId }).catch(() => null);
      if (!result) return setProblem("网络连接中断，操作未完成，请稍后重试。");
      if (!result.ok) return setProblem(result.message);
      setProblem(null);
      setJob(result.data);
    });

  /** A job just started (the page's own action answered it). */
  const follow = (started: FollowedJob) => {
    setProblem(null);
    setJob(started);
  };

  return { job, underWay, problem, setProblem, follow, retryJob, isRetrying };
}
