"use client";
import { useMemo } from "react";
import { groupFindings } from "@/lib/report-form/finding-groups";
import type { SummaryItem } from "@/lib/report-form/issue-store";
import { fieldElementId, useWizard } from "./wizard-context";

/**
 * The final check's errors, one line per step and kind (“表三有 25 行未填写（共 175 格）”)
 * linking to the group's first field, each group's findings one by one under a disclosure,
 * so a report with many blanks reads as a few instructions instead of a long list.
 */
export function GroupedIssues({
  items,
  title,
  testId,
}: {
  items: readonly SummaryItem[];
  title: string;
  testId: string;
}) {
  const { layout, focusField } = useWizard();
  const groups = useMemo(() => groupFindings(layout, items), [layout, items]);
  if (groups.length === 0) return null;
  const link = (fieldId: string | null, text: string) =>
    fieldId ? (
      <a
        href={`#${fieldElementId(fieldId)}`}
        onClick={(event) => {
          event.preventDefault();
          focusField(fieldId);
        }}
      >
        {text}
      </a>
    ) : (
      text
    );
  return (
    <div className="error-summary" data-testid={testId} aria-labelledby={`${testId}-title`} role="region">
      <h2 id={`${testId}-title`} className="error-summary__title">
        {title}
      </h2>
      <ul className="issue-groups">
        {groups.map((group) => (
          <li key={group.key} className="issue-group" data-testid="issue-group">
            {link(group.fieldId, group.text)}
            {group.items.length > 1 && (
              <details className="issue-group__details">
                <summary>逐条查看（{group.items.length} 条）</summary>
                <ul>
                  {group.items.map((item) => (
                    <li key={item.key}>{link(item.fieldId, item.message)}</li>
                  ))}
                </ul>
              </details>
            )}
            {group.items.length === 1 && group.items[0]!.message !== group.text && (
              <p className="issue-group__only">{group.items[0]!.message}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
