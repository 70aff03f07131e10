"use client";
import { useCallback, useEffect } from "react";
import type { UseFormWatch } from "react-hook-form";
import type { ReportFormValues } from "@/lib/report-form/form-values";
import type { IssueStore } from "@/lib/report-form/issue-store";
import { stepProgress } from "@/lib/report-form/steps";
import { evaluateReport } from "@/lib/rules";
import type { Organization, ReportData } from "@/lib/report-data";
import type { Layout } from "@/lib/template";

/** Quiet time after the last change before the rules run again. */
const EVALUATE_DELAY_MS = 120;

/**
 * The rule engine, off the typing path: it runs when the wizard opens and 120 ms after the
 * last change, and publishes findings and step progress through the issue store (whose
 * selectors re-render only what changed). Returns a function that runs it at once, for
 * when the form's values were replaced as a whole.
 */
export function useRuleEvaluation({
  watch,
  layout,
  readData,
  issues,
  previousYear,
  organization,
  countySummary,
}: {
  watch: UseFormWatch<ReportFormValues>;
  layout: Layout;
  /** The form's values as report data, totals computed. */
  readData: () => ReportData;
  issues: IssueStore;
  previousYear: ReportData | null;
  organization: Organization | undefined;
  /** 全县 mode: the sum of the county's units, which the tables should state (rule county.summary). */
  countySummary?: ReportData | null;
}): () => void {
  const evaluateNow = useCallback(() => {
    const data = readData();
    const findings = evaluateReport({
      data,
      layout,
      previousYear: previousYear ?? undefined,
      organization,
      countySummary: countySummary ?? undefined,
    });
    issues.setFindings(findings, stepProgress(layout, data));
  }, [readData, issues, layout, organization, previousYear, countySummary]);

  useEffect(() => {
    evaluateNow();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const subscription = watch(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(evaluateNow, EVALUATE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [watch, evaluateNow]);

  return evaluateNow;
}
