// The security headers every response carries, in one place: next.config.ts adds
// `securityHeaders` to everything Next answers, proxy.ts sets the Content-Security-Policy and
// Strict-Transport-Security, and the public answers kept in memory
// (lib/publications/public-answers.ts) carry the same set when they are answered before Next.

export const securityHeaders: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** The strict policy of public documents, which have no script (lib/render/html/static-document.tsx). */
export const staticDocumentPolicy =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

// With an https address (APP_URL), browsers are told to use https only, for a year; Secure
// cookies alone leave the first plain-http request open to a downgrade.
const transportSecurity = "max-age=31536000";

/** The Strict-Transport-Security value for an app served at `appUrl`, or null on plain http. */
export function transportSecurityFor(appUrl: string): string | null {
  return new URL(appUrl).protocol === "https:" ? transportSecurity : null;
}
