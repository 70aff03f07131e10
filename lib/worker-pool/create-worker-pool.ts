/**
 * A small pool of worker threads (piscina) for CPU-heavy work that must never run on the
 * request thread: reading uploads (lib/import/read-in-worker.ts) and rendering PDFs and
 * DOCX (lib/render/render-in-worker.ts). What every such pool shares:
 *
 * - a fixed number of threads that all stay (piscina replaces a terminated worker only up
 *   to minThreads, and queued tasks are handed only to workers that exist);
 * - a bounded queue: past `threads + waiting` tasks a caller gets the pool's busy error at
 *   once instead of a place in an endless queue;
 * - a time limit per task, counted from the moment its worker starts on it (the worker
 *   posts on the task's `started` port; see worker-task.mjs), after which the worker is
 *   terminated through the task's AbortSignal;
 * - a heap cap per worker (resourceLimits: it dies rather than grow past it).
 *
 * A stopped task is answered by the caller's `stopped` handlers (a refusal, a zh-CN error),
 * never by a crash of the server. Server-only: worker threads.
 */
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { Piscina } from "piscina";

export type WorkerPoolLimits = {
  /** Threads working at once. */
  readonly threads: number;
  /** Tasks waiting for a thread; more are refused as busy. */
  readonly waiting: number;
  readonly timeLimitMs: number;
  readonly memoryLimitMb: number;
};

/** How a task is answered when the pool stops it (or what to throw). */
export type StoppedTask<R> = { timedOut: () => R; outOfMemory: () => R };

export type WorkerPoolOptions = {
  /** The worker module (an .mjs file: see worker-task.mjs). */
  readonly filename: string;
  readonly limits: WorkerPoolLimits;
  /** The error a caller gets when every thread and waiting place is taken. */
  readonly busy: () => Error;
  /** Passed to each worker as `workerData` (e.g. what to load before the first task). */
  readonly workerData?: unknown;
  /** Names the pool in the log. */
  readonly name: string;
};

export type WorkerPool<T> = {
  run<R>(task: T, stopped: StoppedTask<R>): Promise<R>;
  /** Tasks running or waiting now. */
  readonly inFlight: () => number;
  destroy(): Promise<void>;
};

/** A task as the worker receives it: the caller's fields and the port it says `started` on. */
export type WorkerTask<T> = T & { started: MessagePort };

export function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "ERR_WORKER_OUT_OF_MEMORY";
}

export function createWorkerPool<T extends object>(options: WorkerPoolOptions): WorkerPool<T> {
  const { limits } = options;
  const pool = new Piscina<WorkerTask<T>, unknown>({
    filename: options.filename,
    minThreads: limits.threads,
    maxThreads: limits.threads,
    maxQueue: limits.waiting,
    // The parent's loader flags (tsx's, vitest's) are not the worker's: it registers its own.
    execArgv: [],
    workerData: options.workerData,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryLimitMb, maxYoungGenerationSizeMb: 16 },
  });
  // A worker whose task was already stopped (its time ran out) can still die of its memory
  // limit before it is terminated. Piscina then has no task to fail and emits the error on
  // the pool, which without a listener would end the whole server process.
  pool.on("error", (error: unknown) => {
    if (!isOutOfMemory(error)) console.error(`${options.name}: a worker failed outside a task`, error);
  });
  let inFlight = 0;

  const run = async <R>(task: T, stopped: StoppedTask<R>): Promise<R> => {
    if (inFlight >= limits.threads + limits.waiting) throw options.busy();
    inFlight += 1;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const { port1, port2 } = new MessageChannel();
    port1.once("message", () => {
      timer = setTimeout(() => abort.abort(), limits.timeLimitMs);
    });
    try {
      return (await pool.run({ ...task, started: port2 }, { transferList: [port2], signal: abort.signal })) as R;
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

  return { run, inFlight: () => inFlight, destroy: () => pool.destroy() };
}

/**
 * One pool per process and key, even when a bundler includes the calling module in
 * several chunks (each chunk would otherwise start threads of its own).
 */
export function sharedWorkerPool<P>(key: string, create: () => P): P {
  const symbol = Symbol.for(key);
  const holder = globalThis as { [key: symbol]: P | undefined };
  holder[symbol] ??= create();
  return holder[symbol];
}
