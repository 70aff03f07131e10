/**
 * Autosave that never loses data (components/report-form/README.md, Saving):
 * one save in flight, newer edits coalesced into the next one, each request
 * carrying the version it is based on; the browser copy written before the
 * request and cleared only when the server acknowledges it; failures retried
 * with back-off and when the browser comes back online. A newer version on
 * the server is merged three-way with the form's values (`merge`, from the values
 * this tab started from, kept with the browser copy): with no field changed
 * differently on both sides, the merge goes into the form and is saved against the
 * server's version at once; otherwise autosave stops until the clerk has answered
 * each question (no silent overwrite either way).
 * A save the server refuses (bad input, a report no longer editable) is shown
 * and never sent again as it was; the next edit is saved as any other, so the
 * edit that removes the problem is the one that gets through.
 *
 * Framework-free: the form calls `change()` on every edit and `flush()` when
 * the clerk leaves a step; the screen reads `state` through `subscribe`.
 */
import type { SavedDraft } from "@/lib/report-data";
import {
  isSamePayload,
  newTabId,
  readLocalDrafts,
  removeLocalDraft,
  removeLocalDrafts,
  writeLocalDraft,
  type DraftPayload,
  type DraftStorage,
  type LocalDraft,
} from "./local-draft";

export type SaveOutcome<C> =
  | ({ readonly ok: true } & SavedDraft)
  | { readonly ok: false; readonly kind: "conflict"; readonly conflict: C; readonly message: string }
  /** Network down, server or database unavailable: keep the copy, try again. */
  | { readonly ok: false; readonly kind: "retry"; readonly message: string }
  /** Refused (invalid input, no longer editable): not sent again unchanged; the clerk must act. */
  | { readonly ok: false; readonly kind: "refused"; readonly message: string };

/** A conflict merged three-way with the server's newer copy (lib/report-data mergeReportData). */
export interface ConflictMerge {
  /** The server's version and values: what the form is based on once merged. */
  readonly version: number;
  readonly theirs: DraftPayload;
  /** The merged values (fields still in question hold the form's). */
  readonly merged: DraftPayload;
  /** Fields changed differently on both sides: only the clerk can settle them. */
  readonly questions: number;
  /** Fields taken from the server's copy (changed there only). */
  readonly taken: number;
}

export type SaveStatus = "saved" | "dirty" | "saving" | "retrying" | "conflict" | "refused";

export interface SaverState<C> {
  readonly status: SaveStatus;
  /** The server version the form's values are based on. */
  readonly version: number;
  readonly savedAt: string | null;
  readonly message: string | null;
  readonly conflict: C | null;
  /** Whether the browser copy holds work the server does not have. */
  readonly hasUnsavedWork: boolean;
  /** Fields the last automatic merge took from the server's copy (0: none since). */
  readonly mergedChanges: number;
}

export interface DraftSaverOptions<C> {
  readonly reportId: string;
  readonly version: number;
  readonly savedAt: string | null;
  readonly read: () => DraftPayload;
  /** The server's values at `version` (what the form was opened with); `read()` when absent. */
  readonly base?: DraftPayload;
  /**
   * Merges the form's values (`mine`) with the server's copy of a conflict, both descended
   * from `base` (null: not known). Null when the copy cannot be merged; absent: every
   * conflict waits for the clerk.
   */
  readonly merge?: (base: DraftPayload | null, mine: DraftPayload, conflict: C) => ConflictMerge | null;
  /** Puts merged values into the form without that counting as a change. */
  readonly write?: (payload: DraftPayload) => void;
  readonly save: (payload: DraftPayload, expectedVersion: number) => Promise<SaveOutcome<C>>;
  readonly storage: DraftStorage | null;
  /** The tab whose browser copies these are (lib/report-form/local-draft browserTabId); a new one when absent. */
  readonly tabId?: string;
  /** Quiet time after the last change before saving. */
  readonly debounceMs?: number;
  readonly retryDelaysMs?: readonly number[];
  readonly now?: () => Date;
}

export class DraftSaver<C> {
  private readonly options: DraftSaverOptions<C>;
  private current: SaverState<C>;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  /** Edits made since the last request started. */
  private isDirty = false;
  private retries = 0;
  /** The payload of the last refused save, as sent: the same values are not sent again. */
  private refusedPayload: string | null = null;
  private isDisposed = false;
  private localTimer: ReturnType<typeof setTimeout> | null = null;
  /** While the saver itself puts values into the form: those are not the clerk's changes. */
  private isWriting = false;
  /** The server's values at `current.version`, as far as this tab knows them (null: unknown). */
  private base: DraftPayload | null;
  private readonly tabId: string;
  /** Sent, but the answer was lost (the network): the server may hold it already. */
  private unconfirmed: DraftPayload | null = null;

  constructor(options: DraftSaverOptions<C>) {
    this.options = options;
    this.tabId = options.tabId ?? newTabId();
    this.base = options.base ?? options.read();
    this.current = {
      status: "saved",
      version: options.version,
      savedAt: options.savedAt,
      message: null,
      conflict: null,
      hasUnsavedWork: false,
      mergedChanges: 0,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SaverState<C> => this.current;

  /** The server's values the form is based on (what a conflict is merged against); null: unknown. */
  getBase = (): DraftPayload | null => this.base;

  private set(patch: Partial<SaverState<C>>): void {
    const keys = Object.keys(patch) as (keyof SaverState<C>)[];
    if (keys.every((key) => Object.is(this.current[key], patch[key]))) return;
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener();
  }

  private keepLocalCopy(): void {
    if (!this.options.storage) return;
    writeLocalDraft(this.options.storage, {
      reportId: this.options.reportId,
      tabId: this.tabId,
      baseVersion: this.current.version,
      payload: this.options.read(),
      base: this.base,
      changedAt: (this.options.now?.() ?? new Date()).toISOString(),
    });
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Writes the browser copy now (the page is being left). */
  keepLocalCopyNow(): void {
    if (this.localTimer) clearTimeout(this.localTimer);
    this.localTimer = null;
    if (this.current.hasUnsavedWork) this.keepLocalCopy();
  }

  /** The form changed. */
  change(): void {
    if (this.isDisposed || this.isWriting) return;
    this.isDirty = true;
    // The browser copy follows the typing closely (a closed tab loses at most this much).
    if (!this.localTimer) {
      this.localTimer = setTimeout(() => {
        this.localTimer = null;
        if (this.isDirty) this.keepLocalCopy();
      }, 300);
    }
    if (this.current.status === "conflict") {
      // No autosave until the clerk has chosen, but the work is kept in the browser.
      this.keepLocalCopy();
      if (!this.current.hasUnsavedWork) this.set({ hasUnsavedWork: true });
      return;
    }
    if (this.current.status === "refused") {
      // The refusal stays on screen until the next answer; this edit may be the fix.
      this.keepLocalCopy();
      if (!this.current.hasUnsavedWork) this.set({ hasUnsavedWork: true });
      this.schedule(this.options.debounceMs ?? 2000);
      return;
    }
    if (this.current.status !== "saving" && this.current.status !== "retrying")
      this.set({ status: "dirty", hasUnsavedWork: true });
    this.schedule(this.options.debounceMs ?? 2000);
  }

  /** Saves now if anything is unsaved; resolves when that save (and any coalesced one) is done. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    if (!this.isDirty || this.isDisposed) return;
    if (this.current.status === "conflict") return;
    if (this.current.status === "refused" && JSON.stringify(this.options.read()) === this.refusedPayload) return;
    this.inFlight = this.run();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (this.isDirty && this.current.status === "dirty") await this.flush();
  }

  /** Tries again at once (the browser came back online, or the clerk asked). */
  retryNow(): void {
    if (this.current.status === "retrying") {
      this.retries = 0;
      void this.flush();
    }
  }

  private async run(): Promise<void> {
    this.isDirty = false;
    this.keepLocalCopy();
    const baseVersion = this.current.version;
    this.set({ status: "saving", message: null });
    const payload = this.options.read();
    let outcome: SaveOutcome<C>;
    try {
      outcome = await this.options.save(payload, baseVersion);
    } catch {
      // The caller maps its own failures (lib/report-form/to-save-outcome toSaveOutcomeOfError); anything left is the network.
      outcome = { ok: false, kind: "retry", message: "网络连接中断" };
    }
    if (this.isDisposed) return;
    this.refusedPayload = null;
    if (outcome.ok) this.unconfirmed = null;
    if (outcome.ok) {
      this.retries = 0;
      if (this.options.storage) {
        removeLocalDrafts(this.options.storage, this.options.reportId, baseVersion, this.tabId);
      }
      // The server stores what was sent (totals recomputed from the same parts).
      this.base = payload;
      this.set({ version: outcome.version, savedAt: outcome.savedAt });
      if (this.isDirty) {
        // Edits made during the request: keep them under the new version and save them next.
        this.keepLocalCopy();
        this.set({ status: "dirty", hasUnsavedWork: true });
      } else {
        this.set({ status: "saved", hasUnsavedWork: false });
      }
      return;
    }
    this.isDirty = true;
    if (outcome.kind === "conflict") {
      // flush() saves a merge without questions on the server's version right after this.
      this.meetConflict(outcome.conflict, outcome.message);
    } else if (outcome.kind === "refused") {
      // Edits made while it was on its way have a save scheduled already (change()).
      this.refusedPayload = JSON.stringify(payload);
      this.set({ status: "refused", message: outcome.message, hasUnsavedWork: true });
    } else {
      const delays = this.options.retryDelaysMs ?? [2000, 4000, 8000, 15000, 30000];
      const delay = delays[Math.min(this.retries, delays.length - 1)] ?? 30000;
      this.retries += 1;
      // A lost answer may hide a stored save: the next conflict is then this tab's own (meetConflict).
      this.unconfirmed = payload;
      this.set({ status: "retrying", message: outcome.message, hasUnsavedWork: true });
      this.schedule(delay);
    }
  }

  /**
   * A newer version on the server: merged into the form and saved on that version when no
   * field was changed differently on both sides, else the clerk is asked (status conflict).
   */
  private meetConflict(conflict: C, message: string): void {
    const merge = this.options.merge?.(this.base, this.options.read(), conflict) ?? null;
    if (merge && this.unconfirmed && isSamePayload(merge.theirs, this.unconfirmed)) {
      // The server's newer version is this tab's own save whose answer was lost: nothing to merge.
      this.rebase(merge.version, merge.theirs);
      return;
    }
    if (!merge || merge.questions > 0) {
      this.isDirty = true;
      this.set({ status: "conflict", conflict, message, hasUnsavedWork: true, mergedChanges: 0 });
      return;
    }
    this.write(merge.merged);
    this.rebase(merge.version, merge.theirs);
    this.set({ mergedChanges: merge.taken });
  }

  private write(payload: DraftPayload): void {
    this.isWriting = true;
    try {
      this.options.write?.(payload);
    } finally {
      this.isWriting = false;
    }
  }

  /** Continues from the server's `version` and values; what the form holds beyond them is saved next. */
  private rebase(version: number, base: DraftPayload): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.base = base;
    this.refusedPayload = null;
    this.unconfirmed = null;
    const hasChanges = !isSamePayload(this.options.read(), base);
    this.isDirty = hasChanges;
    this.set({
      version: Math.max(version, this.current.version),
      conflict: null,
      message: null,
      status: hasChanges ? "dirty" : "saved",
      hasUnsavedWork: hasChanges,
    });
    // The copy under the new version is written before the older ones go, so a crash in between loses nothing.
    if (hasChanges) this.keepLocalCopy();
    if (this.options.storage)
      removeLocalDrafts(
        this.options.storage,
        this.options.reportId,
        this.current.version - (hasChanges ? 1 : 0),
        this.tabId,
      );
  }

  /**
   * The clerk has answered every question of a conflict: `merged` (the answers applied) goes
   * into the form, which continues from the server's `version` and values (`base`) and is
   * saved if it differs from them. Without `merged`, the form holds the result already.
   */
  resolve(version: number, base: DraftPayload, merged?: DraftPayload): Promise<void> {
    if (merged) this.write(merged);
    this.rebase(version, base);
    return this.isDirty ? this.flush() : Promise.resolve();
  }

  /** The tab whose browser copies this saver keeps. */
  getTabId = (): string => this.tabId;

  /**
   * On opening, a copy kept in this browser from an earlier visit: this tab's own (a reload);
   * with `isOpenTab`, else one a tab left that is closed now, while the form is untouched.
   * One based on the page's version is put into the form and saved ("restored"); one based
   * on an older version is merged three-way with the page's values (`serverCopy`) from the
   * values it started from, and saved ("merged"), or the clerk is asked ("conflict", with
   * `message`). A copy equal to the page's values is dropped; another tab's copy, once taken
   * over, is kept as this tab's and dropped.
   */
  restoreLocalCopy(
    serverCopy: C,
    message: string,
    isOpenTab: ((tabId: string) => boolean) | null = null,
  ): "restored" | "merged" | "conflict" | null {
    const { storage, reportId } = this.options;
    if (!storage) return null;
    const serverPayload = this.options.read();
    const drafts = readLocalDrafts(storage, reportId).filter((draft) => draft.baseVersion <= this.current.version);
    // Another tab's copy is not laid over what the clerk has begun here; it waits for the next opening.
    const canTakeOver = isOpenTab !== null && !this.current.hasUnsavedWork;
    const ordered = [
      ...drafts.filter((d) => d.tabId === this.tabId),
      ...(canTakeOver ? drafts.filter((d) => d.tabId !== this.tabId && !isOpenTab(d.tabId)) : []),
    ];
    for (const draft of ordered) {
      if (isSamePayload(draft.payload, serverPayload)) {
        removeLocalDraft(storage, draft);
        continue;
      }
      const outcome = this.takeLocalCopy(draft, serverCopy, message);
      if (draft.tabId !== this.tabId) {
        // Kept under this tab's name first, so the work is never in no copy at all.
        this.keepLocalCopy();
        removeLocalDraft(storage, draft);
      }
      return outcome;
    }
    return null;
  }

  private takeLocalCopy(draft: LocalDraft, serverCopy: C, message: string): "restored" | "merged" | "conflict" {
    this.write(draft.payload);
    if (draft.baseVersion === this.current.version) {
      this.change();
      return "restored";
    }
    // Until merged, the form stands on the copy's version and values (so is its own browser copy).
    this.base = draft.base;
    this.set({ version: draft.baseVersion });
    this.meetConflict(serverCopy, message);
    if (this.current.status === "conflict") return "conflict";
    void this.flush();
    return "merged";
  }

  /** After a submit moved the report to `version`. */
  acknowledge(version: number, savedAt: string): void {
    this.set({ version, savedAt, status: "saved", hasUnsavedWork: false });
  }

  dispose(): void {
    this.isDisposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.localTimer) clearTimeout(this.localTimer);
  }
}
