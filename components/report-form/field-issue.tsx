"use client";
import { useSyncExternalStore } from "react";
import type { FieldIssue } from "@/lib/report-form/issue-store";
import { useWizard } from "./wizard-context";

/** The message a field shows, from the issue store; re-renders only when its own message changes. */
export function useFieldIssue(fieldId: string): FieldIssue | undefined {
  const { issues } = useWizard();
  return useSyncExternalStore(
    issues.subscribe,
    () => issues.getFieldIssue(fieldId),
    () => issues.getFieldIssue(fieldId),
  );
}
