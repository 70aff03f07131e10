"use client";
import { useEffect, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/errors/action-result";
import type { ActAuditQueue, AuditedAct } from "@/lib/report-form/act-audit";
import { DraftSaver } from "@/lib/report-form/draft-saver";
import { toFormValues, type ReportFormValues } from "@/lib/report-form/form-values";
import { browserDraftStorage, browserTabId, type DraftPayload } from "@/lib/report-form/local-draft";
import { mergeWithServerCopy } from "@/lib/report-form/merge-server-copy";
import { toSaveOutcome, toSaveOutcomeOfError } from "@/lib/report-form/to-save-outcome";
import type { ReportMeta, SavedDraft, ServerCopy } from "@/lib/report-data";
import type { Layout } from "@/lib/template";

/** The save-draft server action, handed down by the page. */
export type SaveDraftAction = (
  input: { reportId: string; expectedVersion: number; acts?: readonly AuditedAct[] } & DraftPayload,
) => Promise<ActionResult<SavedDraft>>;

/** Quiet time after the last change before saving (a step left saves at once). */
const SAVE_DELAY_MS = 2000;

export interface Autosave {
  readonly saver: DraftSaver<ServerCopy>;
}

/**
 * Autosave of the form (lib/report-form/draft-saver.ts does the work): every change goes
 * to the saver; leaving or closing the page with unsaved work keeps the browser copy and
 * warns; coming back online retries at once; a conflict is merged with the server's copy.
 */
export function useAutosave({
  form,
  layout,
  meta,
  reportId,
  version,
  savedAt,
  readPayload,
  saveDraft,
  auditQueue,
}: {
  /** The wizard's form: watched for changes, written field by field when a merge or a browser copy lands. */
  form: Pick<UseFormReturn<ReportFormValues>, "watch" | "setValue" | "getValues">;
  layout: Layout;
  meta: ReportMeta;
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
  const { watch, setValue, getValues } = form;
  const [saver] = useState(
    () =>
      new DraftSaver<ServerCopy>({
        reportId,
        version,
        savedAt,
        read: readPayload,
        merge: (base, mine, copy) => mergeWithServerCopy(layout, base, mine, copy),
        // Field by field, only those that differ, so the field being typed in is left alone.
        // react-hook-form tells its watchers inside setValue(), while the saver ignores changes.
        write: (payload) => {
          const current = getValues();
          const next = toFormValues(layout, { ...payload, meta });
          for (const [key, value] of Object.entries(next.cells))
            if (!Object.is(current.cells[key], value)) setValue(`cells.${key}`, value);
          for (const [key, value] of Object.entries(next.narrative))
            if (current.narrative[key] !== value) setValue(`narrative.${key}`, value);
        },
        storage: browserDraftStorage(),
        tabId: browserTabId(),
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

  // The saver ignores the changes it makes itself (a merge, a restored browser copy).
  useEffect(() => {
    const subscription = watch(() => saver.change());
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

  return { saver };
}
