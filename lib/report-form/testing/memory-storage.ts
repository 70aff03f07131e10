import type { DraftStorage } from "../local-draft";

/**
 * A browser's localStorage in memory for the saver tests, and which of its tabs are open
 * (what Web Locks tell the page).
 */
export function memoryStorage(): DraftStorage & { readonly openTabs: Set<string> } {
  const map = new Map<string, string>();
  return {
    openTabs: new Set<string>(),
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}
