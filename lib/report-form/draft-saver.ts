/**
 * Autosave that never loses data (components/report-form/README.md, Saving):
 * one save in flight, newer edits coalesced into the next one, each request
 * carrying the version it is based on; the browser copy written before the
 * request and cleared only when the server acknowledges it; failures retried
 * with back-off and when the browser comes back online; a newer version on
 * the server stops autosave until the clerk chooses (no silent overwrite).
 * A save the server refuses (bad input, a report no longer editable) is shown
 * and never sent again as it was; the next edit is saved as any other, so the
 * edit that removes the problem is the one that gets through.
 *
 * Framework-free: the form calls `change()` on every edit and `flush()` when
 * the clerk leaves a step; the screen reads `state` through `subscribe`.
 */
import type { SavedDraft } from "@/lib/report-data";
import { removeLocalDrafts, writeLocalDraft, type DraftPayload, type DraftStorage } from "./local-draft";

export type SaveOutcome<C> =
  | ({ readonly ok: true } & SavedDraft)
  | { readonly ok: false; readonly kind: "conflict"; readonly conflict: C; readonly message: string }
  /** Network down, server or database unavailable: keep the copy, try again. */
  | { readonly ok: false; readonly kind: "retry"; readonly message: string }
  /** Refused (invalid input, no longer editable): not sent again unchanged; the clerk must act. */
  | { readonly ok: false; readonly kind: "refused"; readonly message: string };

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
}

export interface DraftSaverOptions<C> {
  readonly reportId: string;
  readonly version: number;
  readonly savedAt: string | null;
  readonly read: () => DraftPayload;
  readonly save: (payload: DraftPayload, expectedVersion: number) => Promise<SaveOutcome<C>>;
  readonly storage: DraftStorage | null;
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

  constructor(options: DraftSaverOptions<C>) {
    this.options = options;
    this.current = {
      status: "saved",
      version: options.version,
      savedAt: options.savedAt,
      message: null,
      conflict: null,
      hasUnsavedWork: false,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SaverState<C> => this.current;

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
      baseVersion: this.current.version,
      payload: this.options.read(),
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
    if (this.isDisposed) return;
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
    if (outcome.ok) {
      this.retries = 0;
      if (this.options.storage) {
        removeLocalDrafts(this.options.storage, this.options.reportId, baseVersion);
      }
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
      this.set({ status: "conflict", conflict: outcome.conflict, message: outcome.message, hasUnsavedWork: true });
    } else if (outcome.kind === "refused") {
      // Edits made while it was on its way have a save scheduled already (change()).
      this.refusedPayload = JSON.stringify(payload);
      this.set({ status: "refused", message: outcome.message, hasUnsavedWork: true });
    } else {
      const delays = this.options.retryDelaysMs ?? [2000, 4000, 8000, 15000, 30000];
      const delay = delays[Math.min(this.retries, delays.length - 1)] ?? 30000;
      this.retries += 1;
      this.set({ status: "retrying", message: outcome.message, hasUnsavedWork: true });
      this.schedule(delay);
    }
  }

  /**
   * The clerk chose after a conflict (or a refused save): continue from the server's
   * `version`. `keepMine` saves the form's values over it; otherwise the form has been
   * reset to the server's values and there is nothing to save.
   */
  resolve(version: number, keepMine: boolean): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.options.storage)
      removeLocalDrafts(this.options.storage, this.options.reportId, Math.max(version, this.current.version));
    this.isDirty = keepMine;
    this.refusedPayload = null;
    this.set({
      version,
      conflict: null,
      message: null,
      status: keepMine ? "dirty" : "saved",
      hasUnsavedWork: keepMine,
    });
    return keepMine ? this.flush() : Promise.resolve();
  }

  /** A copy kept in the browser was based on an older version than the server's: the clerk must choose. */
  enterConflict(conflict: C, message: string): void {
    this.isDirty = true;
    this.set({ status: "conflict", conflict, message, hasUnsavedWork: true });
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
