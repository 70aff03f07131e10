"use client";
import { useEffect, useRef } from "react";

/**
 * GOV.UK error summary for a form: a heading and each problem, linking to its field (the
 * field's id is the key), or the server's message when no field is named. It takes focus
 * whenever the problems change, so keyboard and screen-reader users land on it.
 */
export function FormErrorSummary({
  title,
  errors,
  fieldIds,
}: {
  title: string;
  /** Messages by field name; "_" (or a field not in fieldIds) is shown without a link. */
  errors: Readonly<Record<string, string>>;
  fieldIds: readonly string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const signature = entries.map(([field, message]) => `${field}:${message}`).join("\n");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{title}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{fieldIds.includes(field) ? <a href={`#${field}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The field errors of a failed action answer, or its message under "_" when it names no field. */
export function errorsOf(result: { ok: false; message: string; fieldErrors?: Record<string, string> }) {
  return result.fieldErrors && Object.keys(result.fieldErrors).length > 0 ? result.fieldErrors : { _: result.message };
}
