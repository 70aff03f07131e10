/**
 * The browser's copy of unsaved work, so nothing typed is lost when the
 * network or the server is down or the tab is closed. Keyed by report id and
 * the server version the copy was based on; written before each save request
 * and removed only when the server has acknowledged it. A copy also keeps the values it
 * started from (`base`), so that after a reload or an offline period it can still be merged
 * three-way with a newer version on the server (lib/report-data merge-report-data.ts).
 *
 * Tabs of one browser share localStorage, so each copy also names the tab that keeps it
 * (`tabId`, held in the tab's sessionStorage, which survives reloads): a tab's saves remove
 * only its own copies, never the unsaved work of another tab of the same report; it takes
 * over another tab's copy only once that tab is closed (`openTabIds`), since an open tab
 * goes on typing and saving its own work.
 */
export interface DraftPayload {
  readonly cells: Record<string, number | null>;
  readonly narrative: Record<string, string>;
}

export interface LocalDraft {
  readonly reportId: string;
  /** The tab that keeps the copy ('' in a copy kept before tabs were told apart). */
  readonly tabId: string;
  readonly baseVersion: number;
  readonly payload: DraftPayload;
  /** The server's values at `baseVersion`; null in a copy kept before bases were recorded. */
  readonly base: DraftPayload | null;
  /** ISO time of the last change. */
  readonly changedAt: string;
}

/** The part of `Storage` used, so tests can pass a Map-backed one. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

const TAB_KEY = "nianbao:tab";

/** A fresh tab id (crypto.randomUUID needs a secure context, which a plain-HTTP intranet page is not). */
export function newTabId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * This tab's id: kept in sessionStorage, so a reload keeps it and another tab has its own;
 * a new random one where there is none.
 */
export function browserTabId(): string {
  try {
    if (typeof window === "undefined") return newTabId();
    const kept = window.sessionStorage.getItem(TAB_KEY);
    if (kept) return kept;
    const id = newTabId();
    window.sessionStorage.setItem(TAB_KEY, id);
    return id;
  } catch {
    return newTabId();
  }
}

const TAB_LOCK_PREFIX = "nianbao:tab:";
let heldTabLock: string | null = null;

/**
 * Marks this tab as open for as long as the page lives: a Web Lock named after it, which the
 * browser releases when the page goes (closed, reloaded, crashed). Once per page.
 */
export function holdTabLock(tabId: string): void {
  if (heldTabLock === tabId || typeof navigator === "undefined" || !navigator.locks) return;
  heldTabLock = tabId;
  void navigator.locks.request(`${TAB_LOCK_PREFIX}${tabId}`, () => new Promise<never>(() => {})).catch(() => {});
}

/**
 * The ids of the tabs of this browser that are open now (holding their lock); null where the
 * browser cannot tell (no Web Locks: an insecure context), so a copy is then taken as left.
 */
export async function openTabIds(): Promise<ReadonlySet<string> | null> {
  try {
    if (typeof navigator === "undefined" || !navigator.locks) return null;
    const { held = [] } = await navigator.locks.query();
    const names = held.map((lock) => lock.name ?? "").filter((name) => name.startsWith(TAB_LOCK_PREFIX));
    return new Set(names.map((name) => name.slice(TAB_LOCK_PREFIX.length)));
  } catch {
    return null;
  }
}

/** This browser's localStorage, or null where there is none or it is disabled (private modes may throw). */
export function browserDraftStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

const PREFIX = "nianbao:draft:";

export function localDraftKey(reportId: string, baseVersion: number, tabId: string): string {
  return `${PREFIX}${reportId}:v${baseVersion}${tabId ? `:${tabId}` : ""}`;
}

function isPayload(value: unknown): value is DraftPayload {
  if (typeof value !== "object" || value === null) return false;
  const { cells, narrative } = value as Record<string, unknown>;
  return typeof cells === "object" && cells !== null && typeof narrative === "object" && narrative !== null;
}

/** Whether two payloads hold the same values (an absent cell is empty, an absent text is ""). */
export function isSamePayload(a: DraftPayload, b: DraftPayload): boolean {
  const same = <T>(x: Record<string, T>, y: Record<string, T>, empty: T): boolean =>
    [...new Set([...Object.keys(x), ...Object.keys(y)])].every((key) => Object.is(x[key] ?? empty, y[key] ?? empty));
  return same(a.cells, b.cells, null) && same(a.narrative, b.narrative, "");
}

export function writeLocalDraft(storage: DraftStorage, draft: LocalDraft): boolean {
  try {
    storage.setItem(localDraftKey(draft.reportId, draft.baseVersion, draft.tabId), JSON.stringify(draft));
    return true;
  } catch {
    // Quota exceeded or storage disabled: the server save is still attempted.
    return false;
  }
}

/** Removes the copies `tabId` keeps based on `upToVersion` or older (another tab's are its own business). */
export function removeLocalDrafts(storage: DraftStorage, reportId: string, upToVersion: number, tabId: string): void {
  for (const draft of readLocalDrafts(storage, reportId)) {
    if (draft.tabId === tabId && draft.baseVersion <= upToVersion) removeLocalDraft(storage, draft);
  }
}

export function removeLocalDraft(storage: DraftStorage, draft: LocalDraft): void {
  storage.removeItem(localDraftKey(draft.reportId, draft.baseVersion, draft.tabId));
}

/** Every copy kept for the report, newest base version first. */
export function readLocalDrafts(storage: DraftStorage, reportId: string): LocalDraft[] {
  const out: LocalDraft[] = [];
  const prefix = `${PREFIX}${reportId}:v`;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) {
    try {
      const parsed = JSON.parse(storage.getItem(key) ?? "null") as Partial<LocalDraft> | null;
      if (
        parsed &&
        parsed.reportId === reportId &&
        typeof parsed.baseVersion === "number" &&
        isPayload(parsed.payload)
      ) {
        out.push({
          reportId,
          tabId: typeof parsed.tabId === "string" ? parsed.tabId : "",
          baseVersion: parsed.baseVersion,
          payload: parsed.payload,
          base: isPayload(parsed.base) ? parsed.base : null,
          changedAt: String(parsed.changedAt ?? ""),
        });
      }
    } catch {
      storage.removeItem(key);
    }
  }
  return out.sort((a, b) => b.baseVersion - a.baseVersion);
}
