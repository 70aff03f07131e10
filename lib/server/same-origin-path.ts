/**
 * Where to go after signing in: `next` resolved as a URL against the app's own address, the
 * way the browser will resolve it, and kept only when it stays on that origin. Matching the
 * text instead lets through what browsers read as another host — `/\evil.example/`,
 * `/%09/evil.example/` (tabs and line breaks are dropped), `/.//evil.example/` (whose path
 * becomes `//evil.example/`). Returns the path, query and fragment, or null.
 */
export function sameOriginPath(next: string | null | undefined, appUrl: string): string | null {
  if (!next) return null;
  const origin = new URL(appUrl).origin;
  let resolved: URL;
  try {
    resolved = new URL(next, origin);
  } catch {
    return null;
  }
  if (resolved.origin !== origin) return null;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // The path is handed to the router as a relative URL: it must come back to the same place.
  return new URL(path, origin).href === resolved.href ? path : null;
}
