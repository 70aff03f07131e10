import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DraftSaver, type DraftSaverOptions, type SaveOutcome } from "./draft-saver";
import { readLocalDrafts, type DraftPayload, type DraftStorage } from "./local-draft";
import { memoryStorage } from "./testing/memory-storage";

const REPORT = "6f1c1c4e-0000-4000-8000-000000000001";

describe("DraftSaver", () => {
  let payload: DraftPayload;
  let storage: DraftStorage;
  let calls: { payload: DraftPayload; version: number }[];
  let answers: ((outcome: SaveOutcome<string>) => void)[];

  function saver(extra: Partial<DraftSaverOptions<string>> = {}): DraftSaver<string> {
    return new DraftSaver<string>({
      reportId: REPORT,
      version: 3,
      savedAt: null,
      read: () => payload,
      storage,
      debounceMs: 1000,
      retryDelaysMs: [500],
      save: (p, version) =>
        new Promise((resolve) => {
          calls.push({ payload: structuredClone(p), version });
          answers.push(resolve);
        }),
      ...extra,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    payload = { cells: { a: 1 }, narrative: {} };
    storage = memoryStorage();
    calls = [];
    answers = [];
  });
  afterEach(() => vi.useRealTimers());

  it("saves once after the quiet time, coalescing edits, and clears the browser copy on acknowledgement", async () => {
    const s = saver();
    s.change();
    payload = { cells: { a: 2 }, narrative: {} };
    s.change();
    expect(s.getState().status).toBe("dirty");
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([{ payload: { cells: { a: 2 }, narrative: {} }, version: 3 }]);
    expect(readLocalDrafts(storage, REPORT).map((d) => d.baseVersion)).toEqual([3]);
    answers[0]!({ ok: true, version: 4, savedAt: "2026-01-01T00:00:00Z" });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.getState()).toMatchObject({ status: "saved", version: 4, hasUnsavedWork: false });
    expect(readLocalDrafts(storage, REPORT)).toEqual([]);
  });

  it("keeps one request in flight and sends edits made meanwhile on the new version", async () => {
    const s = saver();
    s.change();
    const flushed = s.flush();
    payload = { cells: { a: 5 }, narrative: {} };
    s.change();
    expect(calls).toHaveLength(1);
    answers[0]!({ ok: true, version: 4, savedAt: "x" });
    await vi.advanceTimersByTimeAsync(0);
    // flush() goes on until the edits made meanwhile are saved too, on the new version.
    expect(calls[1]).toEqual({ payload: { cells: { a: 5 }, narrative: {} }, version: 4 });
    expect(readLocalDrafts(storage, REPORT).map((d) => [d.baseVersion, d.payload.cells.a])).toEqual([[4, 5]]);
    answers[1]!({ ok: true, version: 5, savedAt: "y" });
    await flushed;
    expect(s.getState()).toMatchObject({ status: "saved", version: 5 });
    expect(readLocalDrafts(storage, REPORT)).toEqual([]);
  });

  it("retries after a network failure and keeps the browser copy until the server has it", async () => {
    const s = saver();
    s.change();
    void s.flush();
    answers[0]!({ ok: false, kind: "retry", message: "网络连接中断" });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.getState().status).toBe("retrying");
    expect(readLocalDrafts(storage, REPORT)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(2);
    answers[1]!({ ok: true, version: 4, savedAt: "x" });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.getState().status).toBe("saved");
    expect(readLocalDrafts(storage, REPORT)).toEqual([]);
  });

  it("stops on a conflict until the clerk chooses, then saves on the server version", async () => {
    const s = saver();
    s.change();
    void s.flush();
    answers[0]!({ ok: false, kind: "conflict", conflict: "server copy", message: "已被他人修改" });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.getState()).toMatchObject({ status: "conflict", conflict: "server copy" });
    s.change();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    const resolved = s.resolve(7, { cells: { a: 0 }, narrative: {} });
    expect(calls[1]?.version).toBe(7);
    answers[1]!({ ok: true, version: 8, savedAt: "x" });
    await resolved;
    expect(s.getState()).toMatchObject({ status: "saved", version: 8, conflict: null });
  });

  it("after the questions, a form equal to the server's copy needs no save and leaves no browser copy", async () => {
    const written: DraftPayload[] = [];
    const s = saver({
      write: (next) => {
        written.push(next);
        payload = next;
      },
    });
    payload = { cells: { a: 2 }, narrative: {} };
    s.change();
    void s.flush();
    answers[0]!({ ok: false, kind: "conflict", conflict: "server copy", message: "已被他人修改" });
    await vi.advanceTimersByTimeAsync(0);
    // The copy keeps what the form was based on, for a merge after a reload.
    expect(readLocalDrafts(storage, REPORT).map((d) => [d.baseVersion, d.base?.cells.a])).toEqual([[3, 1]]);
    // The clerk took the server's value for the one question: it goes into the form, nothing is sent.
    const server = { cells: { a: 9 }, narrative: {} };
    await s.resolve(7, server, server);
    expect(written).toEqual([server]);
    expect(s.getState()).toMatchObject({ status: "saved", version: 7, hasUnsavedWork: false, conflict: null });
    expect(calls).toHaveLength(1);
    expect(readLocalDrafts(storage, REPORT)).toEqual([]);
  });

  it("shows a refused save, never sends it again as it was, and saves the next edit", async () => {
    const s = saver();
    payload = { cells: {}, narrative: { s5: "坏\uD800字" } };
    s.change();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    answers[0]!({ ok: false, kind: "refused", message: "第 2 个字是一个无法识别的字符" });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.getState()).toMatchObject({ status: "refused", message: "第 2 个字是一个无法识别的字符" });

    // No retry of the refused values, however long the page stays open or whatever asks.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    s.retryNow();
    await s.flush();
    expect(calls).toHaveLength(1);
    // An edit that changes nothing the server would store is not sent either.
    s.change();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(s.getState().status).toBe("refused");

    // The next edit is saved as usual; the browser copy holds it meanwhile.
    payload = { cells: {}, narrative: { s5: "坏字，已改正" } };
    s.change();
    expect(s.getState()).toMatchObject({ status: "refused", hasUnsavedWork: true });
    await vi.advanceTimersByTimeAsync(400);
    expect(readLocalDrafts(storage, REPORT).map((d) => d.payload.narrative.s5)).toEqual(["坏字，已改正"]);
    await vi.advanceTimersByTimeAsync(600);
    expect(calls.map((call) => call.payload.narrative.s5)).toEqual(["坏\uD800字", "坏字，已改正"]);
    answers[1]!({ ok: true, version: 4, savedAt: "x" });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.getState()).toMatchObject({ status: "saved", version: 4, message: null, hasUnsavedWork: false });
    expect(readLocalDrafts(storage, REPORT)).toEqual([]);
  });

  it("after a refusal, an edit that is refused again is sent once, and one that passes ends the refusal", async () => {
    const s = saver();
    payload = { cells: { a: -1 }, narrative: {} };
    s.change();
    void s.flush();
    answers[0]!({ ok: false, kind: "refused", message: "不能为负数" });
    await vi.advanceTimersByTimeAsync(0);
    payload = { cells: { a: -2 }, narrative: {} };
    s.change();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    answers[1]!({ ok: false, kind: "refused", message: "不能为负数" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
    expect(s.getState().status).toBe("refused");
    payload = { cells: { a: 2 }, narrative: {} };
    s.change();
    await vi.advanceTimersByTimeAsync(1000);
    answers[2]!({ ok: true, version: 4, savedAt: "x" });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => call.payload.cells.a)).toEqual([-1, -2, 2]);
    expect(s.getState().status).toBe("saved");
  });
});
