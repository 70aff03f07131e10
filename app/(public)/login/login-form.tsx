"use client";
import { useActionState, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { signInAction } from "./actions";
import type { ActionResult } from "@/lib/errors/action-result";

type State = ActionResult<{ home: string }> | null;

/** One required field of the form; its id is its name, so the error summary links to it. */
function SignInField(props: {
  name: string;
  label: string;
  type?: "password";
  autoComplete: string;
  isInvalid: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      <input
        className="input"
        id={props.name}
        name={props.name}
        type={props.type}
        autoComplete={props.autoComplete}
        required
        aria-invalid={props.isInvalid}
      />
    </div>
  );
}

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
      <SignInField name="username" label="用户名" autoComplete="username" isInvalid={Boolean(errors.username)} />
      <SignInField
        name="password"
        label="密码"
        type="password"
        autoComplete="current-password"
        isInvalid={Boolean(errors.password)}
      />
      <button className="button" type="submit" disabled={isPending}>
        {isPending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
