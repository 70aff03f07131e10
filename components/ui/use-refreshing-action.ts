"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors/action-result";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Runs a small form's server action and shows its outcome: on success the page refreshes
 * (its server components read the new state) and `notice` says what was done, if the form
 * words it; otherwise `error` keeps the zh-CN reason (`errorOf` may pick a field's error).
 * `refuse` shows a reason found before anything was sent.
 */
export function useRefreshingAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = <T>(
    send: () => Promise<ActionResult<T>>,
    outcome: { noticeOf?: (data: T) => string; errorOf?: (failure: Failure) => string } = {},
  ) =>
    startTransition(async () => {
      setNotice(null);
      const result = await send();
      if (!result.ok) {
        setError(outcome.errorOf?.(result) ?? result.message);
        return;
      }
      setError(null);
      setNotice(outcome.noticeOf?.(result.data) ?? null);
      router.refresh();
    });
  const refuse = (message: string) => {
    setNotice(null);
    setError(message);
  };
  return { run, refuse, error, notice, isPending };
}
