"use client";
import { noteRender } from "@/lib/report-form/render-probe";
import { memo, useSyncExternalStore } from "react";
import type { StepStatus } from "@/lib/report-form/issue-store";
import { CHECK_STEP_ID, type WizardStep } from "@/lib/report-form/steps";
import { useWizard } from "./wizard-context";

const statusTags: Record<StepStatus, { label: string; tone: string }> = {
  notStarted: { label: "未开始", tone: "grey" },
  inProgress: { label: "填写中", tone: "blue" },
  complete: { label: "已完成", tone: "green" },
  hasErrors: { label: "有错误", tone: "red" },
};

const StepItem = memo(function StepItem({
  step,
  isCurrent,
  onSelect,
  commentCount,
}: {
  step: WizardStep;
  isCurrent: boolean;
  onSelect: (id: string) => void;
  commentCount: number;
}) {
  noteRender("StepItem");
  const { issues } = useWizard();
  const status = useSyncExternalStore(
    issues.subscribe,
    () => issues.getStatus(step.id),
    () => issues.getStatus(step.id),
  );
  // A string snapshot, so a new findings run re-renders only the steps whose progress changed.
  const readProgress = () => {
    const progress = issues.getProgress(step.id);
    return progress && progress.total > 0 ? ` ${progress.filled}/${progress.total}` : "";
  };
  const progress = useSyncExternalStore(issues.subscribe, readProgress, readProgress);
  const isCheck = step.id === CHECK_STEP_ID;
  return (
    <li className={isCurrent ? "task-list__item task-list__item--current" : "task-list__item"}>
      <button
        type="button"
        className="link-button task-list__link"
        aria-current={isCurrent ? "step" : undefined}
        onClick={() => onSelect(step.id)}
        data-step={step.id}
      >
        {step.title}
      </button>
      {!isCheck && (
        <span className={`tag tag--${statusTags[status].tone}`} data-testid={`step-status-${step.id}`}>
          {statusTags[status].label}
          {progress}
        </span>
      )}
      {commentCount > 0 && <span className="tag tag--orange">审核意见 {commentCount}</span>}
    </li>
  );
});

/** GOV.UK task list: every step, its status and progress; any step can be reopened. */
export function StepList({
  steps,
  currentStepId,
  onSelect,
  commentCounts,
}: {
  steps: readonly WizardStep[];
  currentStepId: string;
  onSelect: (id: string) => void;
  commentCounts: ReadonlyMap<string, number>;
}) {
  noteRender("StepList");
  return (
    <nav className="task-list" aria-label="填报步骤">
      <ol>
        {steps.map((step) => (
          <StepItem
            key={step.id}
            step={step}
            isCurrent={step.id === currentStepId}
            onSelect={onSelect}
            commentCount={commentCounts.get(step.id) ?? 0}
          />
        ))}
      </ol>
    </nav>
  );
}
