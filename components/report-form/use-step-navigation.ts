"use client";
import { useCallback, useRef, useState } from "react";
import type { DraftSaver } from "@/lib/report-form/draft-saver";
import type { IssueStore } from "@/lib/report-form/issue-store";
import { CHECK_STEP_ID, type WizardStep } from "@/lib/report-form/steps";
import type { ServerCopy } from "@/lib/report-data";

/**
 * The current step and the move to another. Leaving a step makes its "fill this in"
 * messages due and saves the work at once; the final check shows every message.
 */
export function useStepNavigation({
  steps,
  issues,
  saver,
}: {
  steps: readonly WizardStep[];
  issues: IssueStore;
  saver: DraftSaver<ServerCopy>;
}): { stepId: string; goToStep: (stepId: string) => void } {
  const [stepId, setStepId] = useState(steps[0]!.id);
  const currentStep = useRef(stepId);
  const goToStep = useCallback(
    (next: string) => {
      const previous = currentStep.current;
      if (previous !== next) {
        issues.reveal(previous);
        void saver.flush();
      }
      if (next === CHECK_STEP_ID) issues.revealAll();
      currentStep.current = next;
      setStepId(next);
    },
    [issues, saver],
  );
  return { stepId, goToStep };
}
