"use client";
import { noteRender } from "@/lib/report-form/render-probe";
import { useSyncExternalStore } from "react";
import type { SummaryItem } from "@/lib/report-form/issue-store";
import { fieldElementId, useWizard } from "./wizard-context";

/** GOV.UK error summary: every problem of the step, each a link to its field. */
export function ErrorSummary({ stepId }: { stepId: string }) {
  noteRender("ErrorSummary");
  const { issues } = useWizard();
  const items = useSyncExternalStore(
    issues.subscribe,
    () => issues.getSummary(stepId),
    () => issues.getSummary(stepId),
  );
  return <IssueList items={items} title="请检查以下问题" testId="error-summary" />;
}

export function IssueList({ items, title, testId }: { items: readonly SummaryItem[]; title: string; testId: string }) {
  const { focusField } = useWizard();
  const errors = items.filter((item) => item.severity === "error");
  const warnings = items.filter((item) => item.severity === "warning");
  if (items.length === 0) return null;
  const link = (item: SummaryItem) =>
    item.fieldId ? (
      <a
        href={`#${fieldElementId(item.fieldId)}`}
        onClick={(event) => {
          event.preventDefault();
          focusField(item.fieldId!);
        }}
      >
        {item.message}
      </a>
    ) : (
      item.message
    );
  return (
    <div className="error-summary" data-testid={testId} aria-labelledby={`${testId}-title`} role="region">
      <h2 id={`${testId}-title`} className="error-summary__title">
        {title}
      </h2>
      {errors.length > 0 && (
        <>
          <p>错误（改正后才能提交）：</p>
          <ul>
            {errors.map((item) => (
              <li key={item.key}>{link(item)}</li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <p>提示（提交时请逐条说明理由）：</p>
          <ul>
            {warnings.map((item) => (
              <li key={item.key}>{link(item)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
