"use client";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors/action-result";

/**
 * Runs a server action from a form's submit event and keeps its answer. Unlike a form
 * `action`, the typed values stay in the fields when the answer is a refusal (React resets a
 * form after its action), so the user corrects them instead of typing everything again.
 */
export function useFormAction<T>(send: (form: FormData) => Promise<ActionResult<T>>) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [isPending, startTransition] = useTransition();
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      try {
        setResult(await send(form));
      } catch {
        setResult({ ok: false, code: "UNAVAILABLE", message: "网络连接中断，请检查网络后重试。" });
      }
    });
  };
  return { result, isPending, onSubmit, reset: () => setResult(null) };
}
