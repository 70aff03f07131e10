import { MarkedText } from "@/components/ui/marked-text";
import type { TextRange } from "@/lib/similarity/text-repetition";
import { statusLabels, type ReportStatus } from "@/lib/workflow/transitions";

/** What the panel shows: lib/reports/find-report-repetition.ts's ReviewRepetition. */
export interface RepetitionPanelProps {
  readonly thresholdPercent: number;
  readonly parts: readonly {
    readonly fieldId: string;
    readonly heading: string;
    readonly text: string;
    readonly previousYear: { percent: number; isOverThreshold: boolean; passages: readonly TextRange[] } | null;
    readonly otherUnits: readonly {
      organizationName: string;
      status: ReportStatus;
      percent: number;
      passages: readonly TextRange[];
    }[];
  }[];
}

/**
 * 雷同 for the reviewer: per narrative part, the share repeated from the unit's own report of
 * last year and from each other unit of the county over the threshold, with the passages of
 * each marked in the part's text.
 */
export function RepetitionPanel({ thresholdPercent, parts }: RepetitionPanelProps) {
  const flagged = parts.filter((part) => part.previousYear?.isOverThreshold || part.otherUnits.length > 0);
  return (
    <section aria-labelledby="repetition-heading" data-testid="review-repetition">
      <h2 id="repetition-heading">文字雷同</h2>
      <p className="muted">
        按 8 字片段比对；超过 {thresholdPercent}% 的栏目列出重复的文字。模板规定的开头语和统计期限不计入。
      </p>
      {parts.length === 0 ? (
        <p className="muted">报告还没有文字内容。</p>
      ) : (
        <ul className="review-repetition">
          {parts.map((part) => (
            <li key={part.fieldId} data-field={part.fieldId}>
              <strong>{part.heading}</strong>：
              {part.previousYear ? (
                <span data-testid="repetition-previous-year">
                  与上年本单位报告重复 {part.previousYear.percent}%{part.previousYear.isOverThreshold ? "（雷同）" : ""}
                </span>
              ) : (
                <span className="muted">无上年报告可比</span>
              )}
              {part.otherUnits.map((unit) => (
                <span key={unit.organizationName} data-testid="repetition-other-unit">
                  ；与{unit.organizationName}（{statusLabels[unit.status]}）重复 {unit.percent}%（雷同）
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {flagged.map((part) => (
        <details key={part.fieldId} className="review-repetition__passages" open>
          <summary>{part.heading}：重复的文字</summary>
          {part.previousYear?.isOverThreshold && (
            <>
              <p className="muted">与上年本单位报告：</p>
              <p className="review-text">
                <MarkedText text={part.text} marks={part.previousYear.passages} />
              </p>
            </>
          )}
          {part.otherUnits.map((unit) => (
            <div key={unit.organizationName}>
              <p className="muted">与{unit.organizationName}：</p>
              <p className="review-text">
                <MarkedText text={part.text} marks={unit.passages} />
              </p>
            </div>
          ))}
        </details>
      ))}
    </section>
  );
}
