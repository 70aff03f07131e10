/**
 * The browser's copy of unsaved work, so nothing typed is lost when the
 * network or the server is down or the tab is closed. Keyed by report id and
 * the server version the copy was based on; written before each save request
 * and removed only when the server has acknowledged it. A copy also keeps the values it
 * started from (`base`), so that after a reload or an offline period it can still be merged
 * three-way with a newer version on the server (lib/report-data merge-report-data.ts).
 */
export interface DraftPayload {
  readonly cells: Record<string, number | null>;
  readonly narrative: Record<string, string>;
}

export interface LocalDraft {
  readonly reportId: string;
  readonly baseVersion: number;
  readonly payload: DraftPayload;
  /** The server's values at `baseVersion`; null in a copy kept before bases were recorded. */
  readonly base: DraftPayload | null;
  /** ISO time of the last change. */
  readonly changedAt: string;
}

/** The part of `Storage` used, so tests can pass a Map-backed one. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** This browser's localStorage, or null where there is none or it is disabled (private modes may throw). */
export function browserDraftStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

const PREFIX = "nianbao:draft:";

export function localDraftKey(reportId: string, baseVersion: number): string {
  return `${PREFIX}${reportId}:v${baseVersion}`;
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
    storage.setItem(localDraftKey(draft.reportId, draft.baseVersion), JSON.stringify(draft));
    return true;
  } catch {
    // Quota exceeded or storage disabled: the server save is still attempted.
    return false;
  }
}

export function removeLocalDrafts(storage: DraftStorage, reportId: string, upToVersion: number): void {
  for (const draft of readLocalDrafts(storage, reportId)) {
    if (draft.baseVersion <= upToVersion) storage.removeItem(localDraftKey(reportId, draft.baseVersion));
  }
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
