"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors/action-result";

/** What a review server action answers; its data is not read here (the page refreshes). */
export type ReviewActionResult = ActionResult<unknown>;

/** Runs a review server action, refreshes the page on success and keeps the zh-CN error otherwise. */
export function useReviewAction() {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; fieldErrors?: Record<string, string> } | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = (action: () => Promise<ReviewActionResult>, onSuccess?: () => void) =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        onSuccess?.();
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
