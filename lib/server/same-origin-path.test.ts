import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

const app = "https://nianbao.example.gov.cn";

describe("sameOriginPath", () => {
  it("keeps a path on the site, with its query and fragment", () => {
    expect(sameOriginPath("/clerk/reports/abc", app)).toBe("/clerk/reports/abc");
    expect(sameOriginPath("/review?status=SUBMITTED&year=2025#queue", app)).toBe(
      "/review?status=SUBMITTED&year=2025#queue",
    );
    expect(sameOriginPath(`${app}/admin`, app)).toBe("/admin");
  });

  it.each([
    // As they arrive in searchParams, already percent-decoded once.
    "/\\evil.example/",
    "/\t/evil.example/",
    "/\\/evil.example/",
    "/\r\n/evil.example/",
    "\\\\evil.example/",
    "//evil.example/",
    "/.//evil.example/",
    "/%2e//evil.example/",
    "https://evil.example/",
    "http://nianbao.example.gov.cn/",
    "https://nianbao.example.gov.cn.evil.example/",
    "javascript:alert(1)",
    "data:text/html,hi",
  ])("refuses %j", (next) => {
    expect(sameOriginPath(next, app)).toBeNull();
  });

  it("refuses nothing given", () => {
    expect(sameOriginPath(null, app)).toBeNull();
    expect(sameOriginPath("", app)).toBeNull();
  });
});
