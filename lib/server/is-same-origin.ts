/**
 * Whether a mutating request comes from the app's own pages (route handlers get no Origin
 * check from Next.js, see define-route.ts). Browsers say so in Sec-Fetch-Site. Without it
 * (older browsers, some proxies, scripts) the Origin must name the app: the configured
 * APP_URL, or the very host the request was sent to (its Host header) — so the same app
 * reached as http://127.0.0.1:PORT or by another name is recognised. Not request.url: under
 * `next start` it is built from the server's own hostname (http://localhost:PORT) whatever
 * address the browser used. A cross-site form post carries the attacker's Origin and our
 * Host, and matches neither; a missing or opaque ("null") Origin is refused.
 */
export function isSameOrigin(request: Request, appUrl: string): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin || !URL.canParse(origin)) return false;
  const sender = new URL(origin);
  if (sender.origin === new URL(appUrl).origin) return true;
  // HTTP/1.1 requests always carry Host; a Request built in code may not, and then says its host in its URL.
  const host = request.headers.get("host") ?? new URL(request.url).host;
  return sender.host === host.toLowerCase();
}
