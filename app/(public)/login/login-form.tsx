"use client";
import { useActionState, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { signInAction } from "./actions";
import type { ActionResult } from "@/lib/server/define-action";

type State = ActionResult<{ home: string }> | null;

/** `next`: a path on this site to go to after signing in, checked by the page (sameOriginPath). */
export function LoginForm({ next }: { next: string | null }) {
  const router = useRouter();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [state, submit, isPending] = useActionState<State, FormData>(
    (_previous, form) =>
      signInAction({ username: String(form.get("username") ?? ""), password: String(form.get("password") ?? "") }),
    null,
  );

  useEffect(() => {
    if (state?.ok) router.replace(next ?? state.data.home);
    else if (state) summaryRef.current?.focus();
  }, [state, next, router]);

  const errors = state && !state.ok ? (state.fieldErrors ?? { _: state.message }) : {};
  const messages = Object.entries(errors);

  return (
    <form action={submit} noValidate>
      {messages.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>登录未成功</h2>
          <ul>
            {messages.map(([field, message]) => (
              <li key={field}>
                {field === "username" || field === "password" ? <a href={`#${field}`}>{message}</a> : message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor="username">用户名</label>
        <input
          className="input"
          id="username"
          name="username"
          autoComplete="username"
          required
          aria-invalid={Boolean(errors.username)}
        />
      </div>
      <div className="field">
        <label htmlFor="password">密码</label>
        <input
          className="input"
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(errors.password)}
        />
      </div>
      <button className="button" type="submit" disabled={isPending}>
        {isPending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
