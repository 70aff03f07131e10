"use client";
import { useCallback, useEffect, useRef, type RefObject } from "react";
import type { IssueStore } from "@/lib/report-form/issue-store";
import { fieldElementId } from "./wizard-context";

function focusElement(element: HTMLElement): void {
  element.focus();
  element.scrollIntoView({ block: "center" });
}

/**
 * Where focus goes: `focusField` (a link of an error summary) focuses the field, first
 * opening its step if needed; after any other change of step, the step's heading takes
 * focus and the page scrolls to the top, so keyboard and screen-reader users start there.
 */
export function useFieldFocus({
  stepId,
  goToStep,
  issues,
}: {
  stepId: string;
  goToStep: (stepId: string) => void;
  issues: IssueStore;
}): { focusField: (fieldId: string) => void; headingRef: RefObject<HTMLHeadingElement | null> } {
  const pendingFocus = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const focusField = useCallback(
    (fieldId: string) => {
      const target = issues.stepOf(fieldId);
      const element = document.getElementById(fieldElementId(fieldId));
      if (element && target === stepId) {
        focusElement(element);
        return;
      }
      pendingFocus.current = fieldId;
      goToStep(target);
    },
    [goToStep, issues, stepId],
  );

  // Not on opening: the page's own heading comes first then.
  const isFirstStep = useRef(true);
  useEffect(() => {
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    const fieldId = pendingFocus.current;
    pendingFocus.current = null;
    const element = fieldId ? document.getElementById(fieldElementId(fieldId)) : null;
    if (element) {
      focusElement(element);
    } else {
      headingRef.current?.focus();
      window.scrollTo({ top: 0 });
    }
  }, [stepId]);

  return { focusField, headingRef };
}
