// How defineAction's error mapping answers and logs, without a database: what the
// outage and input tests against a real PostgreSQL (database-outage.test.ts,
// lib/reports/save-draft.test.ts) rely on.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

let toFailure: typeof import("./define-action").toFailure;

beforeAll(async () => {
  // Importing the modules opens no connection; lib/server/env only needs the values to exist.
  process.env.DATABASE_URL ??= "postgresql://define-action@127.0.0.1:9/none";
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  ({ toFailure } = await import("./define-action"));
});

afterEach(() => vi.restoreAllMocks());

/** Better Auth's wrapping of a refused connection, as a session lookup during an outage throws it. */
function wrappedOutage(): Error {
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  return new Error("Failed to get session", { cause: new Error("Can't reach database server", { cause: refused }) });
}

describe("toFailure", () => {
  it("answers an outage with UNAVAILABLE and logs it as one line, not a stack per request", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toFailure(wrappedOutage(), "saveDraft")).toEqual({
      ok: false,
      code: "UNAVAILABLE",
      message: "服务暂时不可用，您的内容已保留，请稍后重试。",
    });
    expect(log).toHaveBeenCalledTimes(1);
    const [line, ...rest] = log.mock.calls[0]!;
    expect(rest).toEqual([]);
    expect(line).toBe(
      "[saveDraft] database unavailable: Error: Failed to get session ← Error: Can't reach database server ← Error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432",
    );
  });

  it("answers input the database refused (Prisma P2007) as INVALID_INPUT in zh-CN", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const refused = Object.assign(new Error("Invalid input value: invalid input syntax for type json"), {
      code: "P2007",
    });
    expect(toFailure(refused, "saveDraft")).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(toFailure(refused, "saveDraft").message).toMatch(/^内容中有无法保存的字符/);
  });

  it("keeps the whole error in the log for anything else", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = new TypeError("x is undefined");
    expect(toFailure(bug, "saveDraft")).toEqual({ ok: false, code: "INTERNAL", message: "系统出错，请稍后重试。" });
    expect(log).toHaveBeenCalledWith("[saveDraft] failed:", bug);
  });
});
