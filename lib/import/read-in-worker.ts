/**
 * Reading a file off the request thread: every upload (and `npm run check`) is read in a
 * worker thread of one small pool (piscina) — a report by readReportBytes, a list of units
 * or accounts by readSpreadsheetBytes (a task of kind "spreadsheet") — so a hostile file costs
 * a worker, never the server. Each worker's heap is capped (resourceLimits: it dies rather
 * than grow past the memory limit), each file gets the time limit from the moment its
 * worker starts on it (then the worker is terminated through the task's AbortSignal), and
 * only a few files may wait: past that a caller gets ReadersBusyError at once instead of a
 * place in an endless queue. A stopped reading is a refusal with a zh-CN message, like
 * any other file that cannot be read. Server-only: worker threads.
 */
import { MessageChannel, type MessagePort } from "node:worker_threads";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { importMessages } from "./import-messages";
import { READ_MEMORY_LIMIT_MB, READ_TIME_LIMIT_MS } from "./limits";
import { refusedReading } from "./read-report-lines";
import { sourceForName } from "./source-for-name";
import { refusal, spreadsheetMessages } from "./spreadsheet/messages";
import type { SpreadsheetReading } from "./spreadsheet/types";
import type { ReadResult } from "./types";

/** Too many files are being read: try again later. */
export class ReadersBusyError extends Error {
  constructor() {
    super(importMessages.readersBusy());
    this.name = "ReadersBusyError";
  }
}

export type ReadingPoolLimits = {
  /** Threads reading at once. */
  readonly threads: number;
  /** Files waiting for a thread; more are refused as busy. */
  readonly waiting: number;
  readonly timeLimitMs: number;
  readonly memoryLimitMb: number;
};

export type ReadingPool = {
  read(bytes: Uint8Array, fileName: string): Promise<ReadResult>;
  readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SpreadsheetReading>;
  destroy(): Promise<void>;
};

/** Two cores: one thread reads while the other serves requests, a second one when a file is slow. */
export const DEFAULT_POOL_LIMITS: ReadingPoolLimits = {
  threads: 2,
  waiting: 4,
  timeLimitMs: READ_TIME_LIMIT_MS,
  memoryLimitMb: READ_MEMORY_LIMIT_MB,
};

type TaskKind = "report" | "spreadsheet";
type Task = { kind: TaskKind; bytes: Uint8Array; fileName: string; started: MessagePort };
/** How a task's reading is answered when the pool stops it. */
type Stopped<R> = { timedOut: () => R; outOfMemory: () => R };

// Resolved from this module's own path, never through `new URL(…, import.meta.url)`: a
// bundler would copy the worker as an asset, away from the sources it imports.
const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "read-report-bytes-worker.mjs");

function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "ERR_WORKER_OUT_OF_MEMORY";
}

export function createReadingPool(limits: ReadingPoolLimits = DEFAULT_POOL_LIMITS): ReadingPool {
  const pool = new Piscina<Task, ReadResult | SpreadsheetReading>({
    filename: workerFile,
    // All threads stay: piscina replaces a terminated worker only up to minThreads, and
    // files waiting in the queue are handed only to workers that exist.
    minThreads: limits.threads,
    maxThreads: limits.threads,
    maxQueue: limits.waiting,
    // The parent's loader flags (tsx's, vitest's) are not the worker's: it registers its own.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryLimitMb, maxYoungGenerationSizeMb: 16 },
  });
  // A worker whose reading was already stopped (its time ran out) can still die of its
  // memory limit before it is terminated. Piscina then has no task to fail and emits the
  // error on the pool, which without a listener would end the whole server process.
  pool.on("error", (error: unknown) => {
    if (!isOutOfMemory(error)) console.error("reading pool: a worker failed outside a reading", error);
  });
  let inFlight = 0;

  const run = async <R extends ReadResult | SpreadsheetReading>(
    kind: TaskKind,
    bytes: Uint8Array,
    fileName: string,
    stopped: Stopped<R>,
  ): Promise<R> => {
    if (inFlight >= limits.threads + limits.waiting) throw new ReadersBusyError();
    inFlight += 1;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const { port1, port2 } = new MessageChannel();
    port1.once("message", () => {
      timer = setTimeout(() => abort.abort(), limits.timeLimitMs);
    });
    try {
      return (await pool.run(
        { kind, bytes, fileName, started: port2 },
        { transferList: [port2], signal: abort.signal },
      )) as R;
    } catch (error) {
      if (abort.signal.aborted) return stopped.timedOut();
      if (isOutOfMemory(error)) return stopped.outOfMemory();
      throw error;
    } finally {
      clearTimeout(timer);
      port1.close();
      inFlight -= 1;
    }
  };

  const read = (bytes: Uint8Array, fileName: string): Promise<ReadResult> => {
    const source = sourceForName(fileName);
    return run<ReadResult>("report", bytes, fileName, {
      timedOut: () =>
        refusedReading("input.tooComplex", importMessages.readTimedOut(limits.timeLimitMs / 1000), source),
      outOfMemory: () =>
        refusedReading("input.tooComplex", importMessages.readOutOfMemory(limits.memoryLimitMb), source),
    });
  };

  const readSpreadsheet = (bytes: Uint8Array, fileName: string): Promise<SpreadsheetReading> =>
    run<SpreadsheetReading>("spreadsheet", bytes, fileName, {
      timedOut: () => refusal("tooComplex", spreadsheetMessages.readTimedOut(limits.timeLimitMs / 1000)),
      outOfMemory: () => refusal("tooComplex", spreadsheetMessages.readOutOfMemory(limits.memoryLimitMb)),
    });

  return { read, readSpreadsheet, destroy: () => pool.destroy() };
}

// One pool per process, even when a bundler includes this module in several chunks.
const sharedPoolKey = Symbol.for("nianbao.readingPool");

function sharedPool(): ReadingPool {
  const holder = globalThis as { [sharedPoolKey]?: ReadingPool };
  holder[sharedPoolKey] ??= createReadingPool();
  return holder[sharedPoolKey];
}

/** Reads `bytes` as readReportBytes does, in the process's reading pool. */
export function readReportBytesInWorker(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  return sharedPool().read(bytes, fileName);
}

/** Reads `bytes` as readSpreadsheetBytes does, in the process's reading pool. */
export function readSpreadsheetBytesInWorker(bytes: Uint8Array, fileName: string): Promise<SpreadsheetReading> {
  return sharedPool().readSpreadsheet(bytes, fileName);
}
