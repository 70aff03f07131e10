"use client";
import { useEffect, useRef } from "react";

export type FormProblem = { fieldId: string; message: string };

/**
 * GOV.UK error summary for a plain form: a heading and each problem as a link to its field
 * (the element with that id). It takes focus when problems appear, so keyboard and
 * screen-reader users land on it.
 */
export function FormErrorSummary({
  problems,
  title = "请检查以下问题",
}: {
  problems: readonly FormProblem[];
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2>{title}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.fieldId}:${problem.message}`}>
            <a
              href={`#${problem.fieldId}`}
              onClick={(event) => {
                const field = document.getElementById(problem.fieldId);
                if (!field) return;
                event.preventDefault();
                field.focus();
                field.scrollIntoView({ block: "center" });
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The field problems of a failed action: its parse errors, or the operation's (details.fieldErrors). */
export function fieldErrorsOf(result: {
  fieldErrors?: Record<string, string>;
  details?: unknown;
}): Record<string, string> {
  const fromDetails = (result.details as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors;
  return { ...(result.fieldErrors ?? {}), ...(fromDetails ?? {}) };
}
