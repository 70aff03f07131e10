"use client";
import type { WizardStep } from "@/lib/report-form/steps";

/** 上一步 and 保存并继续 under a step (leaving a step saves, see useStepNavigation). */
export function StepPager({
  steps,
  currentStepId,
  onSelect,
}: {
  steps: readonly WizardStep[];
  currentStepId: string;
  onSelect: (stepId: string) => void;
}) {
  const index = steps.findIndex((step) => step.id === currentStepId);
  const previous = index > 0 ? steps[index - 1] : undefined;
  const next = index >= 0 ? steps[index + 1] : undefined;
  return (
    <nav className="wizard__pager" aria-label="上一步和下一步">
      {previous && (
        <button type="button" className="button button--secondary" onClick={() => onSelect(previous.id)}>
          上一步
        </button>
      )}
      {next && (
        <button type="button" className="button" onClick={() => onSelect(next.id)}>
          保存并继续
        </button>
      )}
    </nav>
  );
}
