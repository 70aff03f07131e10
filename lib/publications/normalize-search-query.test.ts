import { describe, expect, it } from "vitest";
import { MAX_SEARCH_QUERY_LENGTH, normalizeSearchQuery } from "./normalize-search-query";

describe("normalizeSearchQuery", () => {
  it("drops control characters, which PostgreSQL refuses (NUL) or nobody types", () => {
    expect(normalizeSearchQuery("\u0000")).toBeUndefined();
    expect(normalizeSearchQuery("董封\u0000乡")).toBe("董封 乡");
    expect(normalizeSearchQuery("\u0001\u0008\u001f\u007f\u0085\u009f")).toBeUndefined();
    expect(normalizeSearchQuery("阳城\r\n县\t")).toBe("阳城 县");
  });

  it("keeps ordinary text, trimmed and capped by characters, not UTF-16 units", () => {
    expect(normalizeSearchQuery("  凤城镇 ")).toBe("凤城镇");
    expect(normalizeSearchQuery("𠀀".repeat(80))).toBe("𠀀".repeat(MAX_SEARCH_QUERY_LENGTH));
    expect(normalizeSearchQuery("%_'\"\\")).toBe("%_'\"\\");
  });

  it("gives no filter for nothing", () => {
    expect(normalizeSearchQuery(undefined)).toBeUndefined();
    expect(normalizeSearchQuery("   ")).toBeUndefined();
  });
});
