import { describe, expect, it } from "vitest";
import { errorCodes, type ErrorCode } from "@/lib/errors/error-codes";
import type { ServerCopy } from "@/lib/report-data";
import { ACTION_MALFORMED, ACTION_TOO_LARGE } from "@/lib/errors/action-request-refusals";
import {
  NETWORK_DOWN_MESSAGE,
  PAGE_OUTDATED_MESSAGE,
  SESSION_EXPIRED_MESSAGE,
  toSaveOutcome,
  toSaveOutcomeOfError,
} from "./to-save-outcome";

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

describe("toSaveOutcomeOfError", () => {
  it.each([ACTION_TOO_LARGE, ACTION_MALFORMED])("shows the proxy's refusal %s, never sent again as it was", (text) => {
    // Next's client rejects the call with the text of the proxy's text/plain answer.
    expect(toSaveOutcomeOfError(new Error(text))).toEqual({ ok: false, kind: "refused", message: text });
  });

  it("tells the clerk to reload a page older than the running version", () => {
    const unknownAction = Object.assign(new Error('Server Action "00ab" was not found on the server.'), {
      name: "UnrecognizedActionError",
    });
    expect(toSaveOutcomeOfError(unknownAction)).toEqual({
      ok: false,
      kind: "refused",
      message: PAGE_OUTDATED_MESSAGE,
    });
  });

  it.each([new TypeError("Failed to fetch"), new Error("An unexpected response was received from the server."), "x"])(
    "retries anything else as the network (%s)",
    (error) => {
      expect(toSaveOutcomeOfError(error)).toEqual({ ok: false, kind: "retry", message: NETWORK_DOWN_MESSAGE });
    },
  );
});
