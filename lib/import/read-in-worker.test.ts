/**
 * The reading pool with real worker threads: a file reads the same there as in the
 * thread; hostile files are refused by the worker's own limits (structure, time, memory)
 * while this thread stays free; a flood of files is refused as busy instead of queued.
 * Limits are lowered in some pools so that each is reached by a real file quickly.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeNestedDivsHtml, writeXmlBombDocx } from "../../fixtures/import/write-hostile-uploads";
import { createReadingPool, ReadersBusyError, readReportBytesInWorker, type ReadingPool } from "./read-in-worker";
import { readReportBytes } from "./read-report-bytes";

const seed = new Uint8Array(
  readFileSync(path.join(import.meta.dirname, "../../fixtures/seeds-text/002_e73d5a6c979587d5.txt")),
);
const pools: ReadingPool[] = [];
const pool = (limits: Parameters<typeof createReadingPool>[0]) => {
  const created = createReadingPool(limits);
  pools.push(created);
  return created;
};
afterAll(() => Promise.all(pools.map((p) => p.destroy())));

/** An XML bomb just under the inflated cap: mammoth needs seconds and hundreds of MB for it. */
const heavyDocx = await writeXmlBombDocx(3.9 * 1024 * 1024);

describe("readReportBytesInWorker", () => {
  it("reads a report exactly as readReportBytes does in this thread", async () => {
    expect(await readReportBytesInWorker(seed, "seed.txt")).toEqual(await readReportBytes(seed, "seed.txt"));
  });

  it.each([3.7, 1.1])("refuses %s MB of nested <div>s with the structure message", async (megabytes) => {
    const html = new TextEncoder().encode(writeNestedDivsHtml(megabytes * 1024 * 1024));
    const r = await readReportBytesInWorker(html, "nested.html");
    expect(r.status).toBe("refused");
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      ["input.tooComplex", "文件结构过于复杂（嵌套超过 200 层），无法读取。请另存为普通网页或 Word 文档后重试"],
    ]);
  });

  it("refuses a 60 MB XML bomb by its inflated size", async () => {
    const r = await readReportBytesInWorker(await writeXmlBombDocx(60 * 1024 * 1024), "bomb.docx");
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("archive.tooLarge");
  });
});

// Each test reads the heavy file to one of its limits: seconds on an idle machine, more under a full suite.
describe("a reading pool's limits", { timeout: 60_000 }, () => {
  it("stops a reading past the time limit, terminating its worker, and reads the next file", async () => {
    // Memory enough that only the time stops the heavy file; time enough for a fresh worker's
    // first small file on a machine busy with other tests.
    const timed = pool({ threads: 1, waiting: 1, timeLimitMs: 1_500, memoryLimitMb: 1024 });
    expect((await timed.read(seed, "warm-up.txt")).status).toBe("read");
    const r = await timed.read(heavyDocx, "heavy.docx");
    expect(r).toMatchObject({ status: "refused", source: "docx" });
    expect(r.problems[0]?.message).toBe(
      "文件读取超过 1.5 秒仍未完成（内容过于复杂，或是恶意构造的文件），已停止读取。请另存为普通网页或 Word 文档后重试",
    );
    expect((await timed.read(seed, "after.txt")).status).toBe("read");
  });

  it("stops a reading whose worker passes the memory limit, and reads the next file", async () => {
    const small = pool({ threads: 1, waiting: 1, timeLimitMs: 60_000, memoryLimitMb: 64 });
    const r = await small.read(heavyDocx, "heavy.docx");
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.message).toBe(
      "读取文件所需的内存超过 64 MB（内容过于复杂，或是恶意构造的文件），已停止读取。请另存为普通网页或 Word 文档后重试",
    );
    expect((await small.read(seed, "after.txt")).status).toBe("read");
  });

  it("counts the time from the start of a file's reading, not from its wait in the queue", async () => {
    const queued = pool({ threads: 1, waiting: 2, timeLimitMs: 1_500, memoryLimitMb: 512 });
    const readings = await Promise.all([
      queued.read(heavyDocx, "slow.docx"),
      queued.read(seed, "waiting-1.txt"),
      queued.read(seed, "waiting-2.txt"),
    ]);
    expect(readings.map((r) => r.status)).toEqual(["refused", "read", "read"]);
  });

  it("refuses files past the threads and the waiting places as busy, at once", async () => {
    // The heavy file keeps the thread busy until its memory limit stops it.
    const busy = pool({ threads: 1, waiting: 1, timeLimitMs: 60_000, memoryLimitMb: 128 });
    const running = busy.read(heavyDocx, "one.docx");
    const waiting = busy.read(seed, "two.txt");
    await expect(busy.read(seed, "three.txt")).rejects.toBeInstanceOf(ReadersBusyError);
    await expect(busy.read(seed, "three.txt")).rejects.toThrow("服务繁忙");
    await Promise.all([running, waiting]);
    expect((await busy.read(seed, "later.txt")).status).toBe("read");
  });

  it("leaves this thread free while a worker reads", async () => {
    const free = pool({ threads: 1, waiting: 1, timeLimitMs: 60_000, memoryLimitMb: 128 });
    await free.read(seed, "warm-up.txt");
    const order: string[] = [];
    const reading = free.read(heavyDocx, "heavy.docx").then(() => order.push("reading done"));
    // Were the reading on this thread, these timers could not fire before it ended.
    const ticks = (async () => {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      order.push("five ticks");
    })();
    await Promise.all([reading, ticks]);
    expect(order).toEqual(["five ticks", "reading done"]);
  });
});
