import { NextResponse, type NextRequest } from "next/server";
import { actionRefusalResponse, refuseUnreadableAction } from "@/lib/server/action-request";
import { env } from "@/lib/server/env";
import { staticDocumentPolicy, transportSecurityFor } from "@/lib/server/security-headers";

// Sets the Content-Security-Policy, and answers server action requests Next.js could not
// read (too large, malformed) in zh-CN before it tries (lib/server/action-request.ts). This
// is not an authorization layer: every page, action and route handler checks access itself
// through lib/workflow/policy.
//
// Public report pages work without JavaScript and get a strict static policy, so they stay
// cacheable; every other page gets a per-request nonce that Next.js puts on its scripts.
const publicDocumentPaths = [/^\/reports\//, /^\/$/];

function noncePolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

// APP_URL is read per request: a build is started with any address.
function withTransportSecurity<R extends Response>(response: R): R {
  const transportSecurity = transportSecurityFor(env().APP_URL);
  if (transportSecurity) response.headers.set("Strict-Transport-Security", transportSecurity);
  return response;
}

export async function proxy(request: NextRequest) {
  const refusal = await refuseUnreadableAction(request);
  if (refusal) return withTransportSecurity(actionRefusalResponse(refusal, request));
  if (publicDocumentPaths.some((pattern) => pattern.test(request.nextUrl.pathname))) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", staticDocumentPolicy);
    return withTransportSecurity(response);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = noncePolicy(nonce, env().NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // Lets the staff layout send an anonymous visitor back here after signing in. A client
  // cannot forge it usefully: it is overwritten here and only ever used as a same-site path.
  requestHeaders.set("x-nianbao-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return withTransportSecurity(response);
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|favicon.svg|robots.txt|api/).*)" }],
};
