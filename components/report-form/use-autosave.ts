"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReset, UseFormWatch } from "react-hook-form";
import type { ActionResult } from "@/lib/errors/action-result";
import type { ActAuditQueue, AuditedAct } from "@/lib/report-form/act-audit";
import { DraftSaver } from "@/lib/report-form/draft-saver";
import type { ReportFormValues } from "@/lib/report-form/form-values";
import { browserDraftStorage, type DraftPayload } from "@/lib/report-form/local-draft";
import { toSaveOutcome, toSaveOutcomeOfError } from "@/lib/report-form/to-save-outcome";
import type { SavedDraft, ServerCopy } from "@/lib/report-data";

/** The save-draft server action, handed down by the page. */
export type SaveDraftAction = (
  input: { reportId: string; expectedVersion: number; acts?: readonly AuditedAct[] } & DraftPayload,
) => Promise<ActionResult<SavedDraft>>;

/** Quiet time after the last change before saving (a step left saves at once). */
const SAVE_DELAY_MS = 2000;

export interface Autosave {
  readonly saver: DraftSaver<ServerCopy>;
  /**
   * Replaces the form's values with a copy that is stored already (the server's, or this
   * browser's, which the restore then saves on purpose): the replacement is not a change.
   */
  readonly resetToStoredCopy: (values: ReportFormValues) => void;
}

/**
 * Autosave of the form (lib/report-form/draft-saver.ts does the work): every change goes
 * to the saver; leaving or closing the page with unsaved work keeps the browser copy and
 * warns; coming back online retries at once.
 */
export function useAutosave({
  watch,
  reset,
  reportId,
  version,
  savedAt,
  readPayload,
  saveDraft,
  auditQueue,
}: {
  watch: UseFormWatch<ReportFormValues>;
  reset: UseFormReset<ReportFormValues>;
  reportId: string;
  /** The server version the page was loaded with. */
  version: number;
  /** ISO time of the last save. */
  savedAt: string;
  readPayload: () => DraftPayload;
  saveDraft: SaveDraftAction;
  /** Acts the next save carries for the server's audit log. */
  auditQueue: ActAuditQueue;
}): Autosave {
  const [saver] = useState(
    () =>
      new DraftSaver<ServerCopy>({
        reportId,
        version,
        savedAt,
        read: readPayload,
        storage: browserDraftStorage(),
        debounceMs: SAVE_DELAY_MS,
        save: (payload, expectedVersion) => {
          const acts = auditQueue.pending();
          return saveDraft({ reportId, expectedVersion, ...payload, ...(acts.length > 0 ? { acts } : {}) })
            .then(toSaveOutcome, toSaveOutcomeOfError)
            .then((outcome) => {
              if (outcome.ok) auditQueue.acknowledge(acts);
              return outcome;
            });
        },
      }),
  );

  const isResetting = useRef(false);
  useEffect(() => {
    const subscription = watch(() => {
      if (!isResetting.current) saver.change();
    });
    return () => subscription.unsubscribe();
  }, [watch, saver]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      saver.keepLocalCopyNow();
      if (saver.getState().hasUnsavedWork) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    const onOnline = () => saver.retryNow();
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("online", onOnline);
      saver.dispose();
    };
  }, [saver]);

  // react-hook-form notifies its watchers synchronously inside reset(), so the flag covers exactly the replacement.
  const resetToStoredCopy = useCallback(
    (values: ReportFormValues) => {
      isResetting.current = true;
      try {
        reset(values);
      } finally {
        isResetting.current = false;
      }
    },
    [reset],
  );

  return { saver, resetToStoredCopy };
}
