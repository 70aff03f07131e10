// The Origin check of mutating route handlers, with requests as `next start` hands them
// over: request.url always http://localhost:PORT, the Host header what the browser used.
import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./is-same-origin";

const appUrl = "http://localhost:3315";
const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3315/api/import/history", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("accepts the app reached as 127.0.0.1 when the Origin matches the request's own host", () => {
    expect(isSameOrigin(post({ host: "127.0.0.1:3315", origin: "http://127.0.0.1:3315" }), appUrl)).toBe(true);
  });

  it("accepts the configured APP_URL, as a proxy in front of the app forwards it", () => {
    const proxied = post({ host: "10.0.0.5:3000", origin: "https://nianbao.example.gov.cn" });
    expect(isSameOrigin(proxied, "https://nianbao.example.gov.cn")).toBe(true);
    expect(isSameOrigin(post({ host: "localhost:3315", origin: "http://localhost:3315" }), appUrl)).toBe(true);
  });

  it("refuses another site, a missing or opaque Origin, and another port of the same host", () => {
    expect(isSameOrigin(post({ host: "127.0.0.1:3315", origin: "https://attacker.example" }), appUrl)).toBe(false);
    expect(isSameOrigin(post({ host: "127.0.0.1:3315" }), appUrl)).toBe(false);
    expect(isSameOrigin(post({ host: "127.0.0.1:3315", origin: "null" }), appUrl)).toBe(false);
    expect(isSameOrigin(post({ host: "127.0.0.1:3315", origin: "http://127.0.0.1:8080" }), appUrl)).toBe(false);
  });

  it("trusts Sec-Fetch-Site when the browser sends it", () => {
    expect(isSameOrigin(post({ "sec-fetch-site": "same-origin", host: "127.0.0.1:3315" }), appUrl)).toBe(true);
    const crossSite = post({ "sec-fetch-site": "cross-site", origin: "http://localhost:3315" });
    expect(isSameOrigin(crossSite, appUrl)).toBe(false);
  });
});
