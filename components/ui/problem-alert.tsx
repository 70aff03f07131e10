"use client";
import { useEffect, useRef } from "react";

/**
 * Why an action did not go through, GOV.UK error-summary style: a heading and the server's
 * (or the form's) zh-CN message. It takes focus whenever the message changes, so keyboard
 * and screen-reader users land on it instead of searching the page.
 */
export function ProblemAlert({ title, message }: { title: string; message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{title}</h2>
      <p>{message}</p>
    </div>
  );
}
