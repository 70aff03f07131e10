import { describe, expect, it } from "vitest";
import { errorCodes, type ErrorCode } from "@/lib/errors/error-codes";
import type { ServerCopy } from "@/lib/report-data";
import { SESSION_EXPIRED_MESSAGE, toSaveOutcome } from "./to-save-outcome";

const serverCopy: ServerCopy = {
  version: 7,
  status: "DRAFT",
  data: { cells: { "t3.r1.natural": 4 }, narrative: {}, meta: { organizationName: "北留镇人民政府", year: 2023 } },
  updatedAt: "2024-01-10T02:00:00.000Z",
};

const failure = (code: ErrorCode, details?: unknown) => ({
  ok: false as const,
  code,
  message: errorCodes[code],
  details,
});

describe("toSaveOutcome", () => {
  it("passes a stored save's version and time on", () => {
    expect(toSaveOutcome({ ok: true, data: { version: 4, savedAt: "2024-01-10T02:00:00.000Z" } })).toEqual({
      ok: true,
      version: 4,
      savedAt: "2024-01-10T02:00:00.000Z",
    });
  });

  it("turns a CONFLICT into the server's copy to compare", () => {
    expect(toSaveOutcome(failure("CONFLICT", serverCopy))).toEqual({
      ok: false,
      kind: "conflict",
      conflict: serverCopy,
      message: errorCodes.CONFLICT,
    });
  });

  it.each<ErrorCode>(["UNAVAILABLE", "INTERNAL"])("retries on %s and keeps the server's message", (code) => {
    expect(toSaveOutcome(failure(code))).toEqual({ ok: false, kind: "retry", message: errorCodes[code] });
  });

  it("retries after an expired session, telling the clerk to sign in again in another tab", () => {
    expect(toSaveOutcome(failure("UNAUTHENTICATED"))).toEqual({
      ok: false,
      kind: "retry",
      message: SESSION_EXPIRED_MESSAGE,
    });
  });

  it.each<ErrorCode>(["INVALID_INPUT", "INVALID_STATE", "FORBIDDEN", "NOT_FOUND"])("stops on %s", (code) => {
    expect(toSaveOutcome(failure(code, serverCopy))).toEqual({ ok: false, kind: "refused", message: errorCodes[code] });
  });

  it("stops on a CONFLICT that carries no copy to compare", () => {
    expect(toSaveOutcome(failure("CONFLICT"))).toMatchObject({ ok: false, kind: "refused" });
  });
});
