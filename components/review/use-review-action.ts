"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { actionRequestRefusal } from "@/lib/errors/action-request-refusals";
import type { ActionResult } from "@/lib/errors/action-result";

/** What a review server action answers; its data is read only by `onSuccess` (the page refreshes). */
export type ReviewActionResult = ActionResult<unknown>;

/** Runs a review server action, refreshes the page on success and keeps the zh-CN error otherwise, also when the call fails. */
export function useReviewAction() {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; fieldErrors?: Record<string, string> } | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = <T>(action: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) =>
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action();
      } catch (error) {
        // The call itself failed: the page stays as it is, with the reviewer's comment typed
        // in it, and says why (a request the server refused unread, or else the connection).
        setError({ message: actionRequestRefusal(error) ?? "网络连接中断，操作未完成，请稍后重试。" });
        return;
      }
      if (result.ok) {
        setError(null);
        onSuccess?.(result.data);
        router.refresh();
      } else {
        setError({ message: result.message, fieldErrors: result.fieldErrors });
      }
    });
  return { run, error, isPending };
}

/** The first field error, or the general message. */
export function errorText(error: { message: string; fieldErrors?: Record<string, string> } | null): string | null {
  if (!error) return null;
  const first = error.fieldErrors ? Object.values(error.fieldErrors)[0] : undefined;
  return first ?? error.message;
}
