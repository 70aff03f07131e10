"use client";
import { useEffect, useRef } from "react";

/** One problem of a form: its message, linked to its field when it names one (the element with that id). */
export type FormProblem = { fieldId?: string; message: string };

/**
 * GOV.UK error summary for a plain form: a heading and each problem, as a link to its field
 * or, when it names none (the server's message), as text. It takes focus whenever the
 * problems change, so keyboard and screen-reader users land on it.
 */
export function FormErrorSummary({
  problems,
  title = "请检查以下问题",
}: {
  problems: readonly FormProblem[];
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Keyed by content, not by the array: a form that re-renders while one types keeps its focus.
  const signature = problems.map((problem) => `${problem.fieldId ?? ""}:${problem.message}`).join("\n");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2>{title}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.fieldId ?? ""}:${problem.message}`}>
            {problem.fieldId ? <FieldLink fieldId={problem.fieldId} message={problem.message} /> : problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function FieldLink({ fieldId, message }: { fieldId: string; message: string }) {
  return (
    <a
      href={`#${fieldId}`}
      onClick={(event) => {
        const field = document.getElementById(fieldId);
        if (!field) return;
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: "center" });
      }}
    >
      {message}
    </a>
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

/** The field errors of a failed action answer, or its message under "_" when it names no field. */
export function errorsOf(result: {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string>;
  details?: unknown;
}): Record<string, string> {
  const fieldErrors = fieldErrorsOf(result);
  return Object.keys(fieldErrors).length > 0 ? fieldErrors : { _: result.message };
}

/** Messages by field name as problems: those of a field in fieldIds link to it, the others ("_") are text. */
export function problemsOf(errors: Readonly<Record<string, string>>, fieldIds: readonly string[]): FormProblem[] {
  return Object.entries(errors).map(([field, message]) =>
    fieldIds.includes(field) ? { fieldId: field, message } : { message },
  );
}
