/**
 * Reading a file off the request thread: every upload (and `npm run check`) is read in a
 * worker thread of one small pool — a report by readReportBytes, a list of units or
 * accounts by readSpreadsheetBytes (a task of kind "spreadsheet"), a filled report workbook by
 * readReportWorkbook (kind "reportWorkbook") — so a hostile file costs
 * a worker, never the server. The pool (lib/worker-pool/create-worker-pool.ts) caps each
 * worker's heap, gives each file the time limit from the moment its worker starts on it,
 * and lets only a few files wait: past that a caller gets ReadersBusyError at once. A
 * stopped reading is a refusal with a zh-CN message, like any other file that cannot be
 * read. Server-only: worker threads.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  createWorkerPool,
  sharedWorkerPool,
  type StoppedTask,
  type WorkerPoolLimits,
} from "../worker-pool/create-worker-pool";
import { importMessages } from "./import-messages";
import { READ_MEMORY_LIMIT_MB, READ_TIME_LIMIT_MS } from "./limits";
import { refusedReading } from "./read-report-lines";
import { sourceForName } from "./source-for-name";
import { refusal, spreadsheetMessages } from "./spreadsheet/messages";
import type { ReportWorkbookReading, SpreadsheetReading } from "./spreadsheet/types";
import type { ReadResult } from "./types";

/** Too many files are being read: try again later. */
export class ReadersBusyError extends Error {
  constructor() {
    super(importMessages.readersBusy());
    this.name = "ReadersBusyError";
  }
}

export type ReadingPoolLimits = WorkerPoolLimits;

export type ReadingPool = {
  read(bytes: Uint8Array, fileName: string): Promise<ReadResult>;
  readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SpreadsheetReading>;
  readReportWorkbook(bytes: Uint8Array, fileName: string): Promise<ReportWorkbookReading>;
  destroy(): Promise<void>;
};

/** Two cores: one thread reads while the other serves requests, a second one when a file is slow. */
export const DEFAULT_POOL_LIMITS: ReadingPoolLimits = {
  threads: 2,
  waiting: 4,
  timeLimitMs: READ_TIME_LIMIT_MS,
  memoryLimitMb: READ_MEMORY_LIMIT_MB,
};

type TaskKind = "report" | "spreadsheet" | "reportWorkbook";
type Task = { kind: TaskKind; bytes: Uint8Array; fileName: string };

// Resolved from this module's own path, never through `new URL(…, import.meta.url)`: a
// bundler would copy the worker as an asset, away from the sources it imports.
const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "read-report-bytes-worker.mjs");

export function createReadingPool(
  limits: ReadingPoolLimits = DEFAULT_POOL_LIMITS,
  /**
   * Whether each thread loads the readers and pdf.js and reads a small PDF when it starts
   * (read-report-bytes-worker.mjs), before its first task. The process's pool does; a pool
   * made for one test starts cold.
   */
  warmUp = false,
): ReadingPool {
  const pool = createWorkerPool<Task>({
    name: "reading pool",
    filename: workerFile,
    limits,
    busy: () => new ReadersBusyError(),
    workerData: { warmUp },
  });
  const run = <R>(kind: TaskKind, bytes: Uint8Array, fileName: string, stopped: StoppedTask<R>): Promise<R> =>
    pool.run({ kind, bytes, fileName }, stopped);

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

  const readReportWorkbook = (bytes: Uint8Array, fileName: string): Promise<ReportWorkbookReading> =>
    run<ReportWorkbookReading>("reportWorkbook", bytes, fileName, {
      timedOut: () => refusal("tooComplex", spreadsheetMessages.readTimedOut(limits.timeLimitMs / 1000)),
      outOfMemory: () => refusal("tooComplex", spreadsheetMessages.readOutOfMemory(limits.memoryLimitMb)),
    });

  return { read, readSpreadsheet, readReportWorkbook, destroy: () => pool.destroy() };
}

const sharedPool = (): ReadingPool =>
  sharedWorkerPool("nianbao.readingPool", () => createReadingPool(DEFAULT_POOL_LIMITS, true));

/** Starts the process's reading pool, whose threads warm up at once (see instrumentation.ts). */
export function warmReadingPool(): void {
  sharedPool();
}

/** Reads `bytes` as readReportBytes does, in the process's reading pool. */
export function readReportBytesInWorker(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  return sharedPool().read(bytes, fileName);
}

/** Reads `bytes` as readSpreadsheetBytes does, in the process's reading pool. */
export function readSpreadsheetBytesInWorker(bytes: Uint8Array, fileName: string): Promise<SpreadsheetReading> {
  return sharedPool().readSpreadsheet(bytes, fileName);
}

/** Reads a filled report workbook as readReportWorkbook does, in the process's reading pool. */
export function readReportWorkbookInWorker(bytes: Uint8Array, fileName: string): Promise<ReportWorkbookReading> {
  return sharedPool().readReportWorkbook(bytes, fileName);
}
