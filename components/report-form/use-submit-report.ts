"use client";
import { useCallback } from "react";
import type { ActionResult } from "@/lib/errors/action-result";
import type { DraftSaver } from "@/lib/report-form/draft-saver";
import type { ServerCopy } from "@/lib/report-data";
import type { TransitionOutcome } from "@/lib/workflow/transitions";
import type { SubmitResult } from "./check-step";

/** The submit-report server action, handed down by the page. */
export type SubmitReportAction = (input: {
  reportId: string;
  expectedVersion: number;
  /** The clerk's reason for each warning, keyed by finding. */
  acknowledgements: Record<string, string>;
}) => Promise<ActionResult<TransitionOutcome>>;

/**
 * Submitting: the pending work is saved first, and only a report the server holds as it
 * is on screen is submitted, at that version; the saver then follows the new version.
 */
export function useSubmitReport({
  reportId,
  saver,
  submitReport,
}: {
  reportId: string;
  saver: DraftSaver<ServerCopy>;
  submitReport: SubmitReportAction;
}): (acknowledgements: Record<string, string>) => Promise<SubmitResult> {
  return useCallback(
    async (acknowledgements) => {
      await saver.flush();
      const state = saver.getState();
      if (state.status !== "saved") return { ok: false, message: "报告还没有保存成功，请等保存完成后再提交。" };
      const result = await submitReport({ reportId, expectedVersion: state.version, acknowledgements });
      if (!result.ok) return { ok: false, message: result.message };
      saver.acknowledge(result.data.version, new Date().toISOString());
      return { ok: true };
    },
    [reportId, saver, submitReport],
  );
}
