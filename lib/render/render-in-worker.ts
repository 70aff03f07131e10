/**
 * Rendering off the request thread: every PDF (publication, 样稿 preview, county summary)
 * and every DOCX is rendered in a worker thread of one small pool
 * (lib/worker-pool/create-worker-pool.ts), so a render's seconds of CPU never hold up the
 * requests the server is answering meanwhile. Each worker loads the fonts of the font
 * folder it is started with once, and renders a sample report before it takes its first
 * task (render-report-worker.mjs), so the first document a user waits for is rendered by
 * a warm worker; the fonts of another folder are loaded on its first task and kept.
 *
 * Limits: a render that runs past the time limit or the worker's heap cap is stopped
 * (RenderFailedError), and past the threads and the waiting places a caller gets
 * RendererBusyError at once; both carry a zh-CN message and the error code a server
 * action answers with. Server-only: worker threads.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ErrorCode } from "@/lib/errors/error-codes";
import { createWorkerPool, sharedWorkerPool, type WorkerPoolLimits } from "../worker-pool/create-worker-pool";
import type { ReportView } from "./to-report-view";

/** Every thread and waiting place is taken: try again shortly. */
export class RendererBusyError extends Error {
  readonly code: ErrorCode = "UNAVAILABLE";
  constructor() {
    super("服务繁忙，正在生成其他报告的文档，本次未生成。请稍后重试。");
    this.name = "RendererBusyError";
  }
}

/** A render that failed or was stopped: the document was not made. */
export class RenderFailedError extends Error {
  readonly code: ErrorCode = "INTERNAL";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RenderFailedError";
  }
}

export function isRenderError(error: unknown): error is RendererBusyError | RenderFailedError {
  return error instanceof RendererBusyError || error instanceof RenderFailedError;
}

export type RenderPoolLimits = WorkerPoolLimits;

/**
 * Two cores: one thread renders while the other answers requests. A full report renders in
 * well under a second warm; the stress reports (every cell at its maximum, 30 pages) in a
 * few seconds; a worker holds its fonts (~50 MB of files, parsed lazily) and react-pdf.
 */
export const DEFAULT_RENDER_LIMITS: RenderPoolLimits = {
  threads: 1,
  waiting: 8,
  timeLimitMs: 60_000,
  memoryLimitMb: 1024,
};

export type PdfRenderOptions = {
  /** The office's font folder (see fonts/README.md); the default folder when absent. */
  readonly fontDirectory?: string;
  /** A preview before publication: every page marked 样稿. */
  readonly isDraft?: boolean;
};

export type RenderedPdf = {
  readonly pdf: Buffer;
  readonly pageCount: number;
  /** The PostScript names of the fonts each face may embed, office's first. */
  readonly fonts: Readonly<Record<string, readonly string[]>>;
  /** The worker thread that rendered it (never this one). */
  readonly threadId: number;
};

export type RenderPool = {
  renderPdf(view: ReportView, options?: PdfRenderOptions): Promise<RenderedPdf>;
  renderDocx(view: ReportView): Promise<Buffer>;
  destroy(): Promise<void>;
};

type Task =
  { kind: "pdf"; view: ReportView; fontDirectory?: string; isDraft: boolean } | { kind: "docx"; view: ReportView };

type WorkerPdf = { pdf: Uint8Array; pageCount: number; fonts: Record<string, string[]>; threadId: number };

// Resolved from this module's own path (see lib/import/read-in-worker.ts for why).
const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "render-report-worker.mjs");

/** A Buffer over the bytes a worker sent (structured cloning hands them over as a Uint8Array). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const formatNames = { pdf: " PDF ", docx: " Word 文档" } as const;

export function createRenderPool(
  limits: RenderPoolLimits = DEFAULT_RENDER_LIMITS,
  /** The font folder each worker loads before its first task (undefined: the default folder; null: none). */
  warmFontDirectory: string | null | undefined = undefined,
): RenderPool {
  const pool = createWorkerPool<Task>({
    name: "render pool",
    filename: workerFile,
    limits,
    busy: () => new RendererBusyError(),
    workerData: { warmUp: warmFontDirectory !== null, fontDirectory: warmFontDirectory ?? undefined },
  });

  const run = async <R>(task: Task): Promise<R> => {
    const format = formatNames[task.kind];
    try {
      return await pool.run<R>(task, {
        timedOut: () => {
          throw new RenderFailedError(
            `生成${format}超过 ${limits.timeLimitMs / 1000} 秒仍未完成，已停止。请稍后重试；如仍失败，请联系系统管理员。`,
          );
        },
        outOfMemory: () => {
          throw new RenderFailedError(
            `生成${format}所需的内存超过 ${limits.memoryLimitMb} MB，已停止。请联系系统管理员。`,
          );
        },
      });
    } catch (error) {
      if (isRenderError(error)) throw error;
      console.error(`render pool: the ${task.kind} render failed`, error);
      throw new RenderFailedError(`生成${format}时出错，本次未生成。请稍后重试；如仍失败，请联系系统管理员。`, {
        cause: error,
      });
    }
  };

  return {
    renderPdf: async (view, options = {}) => {
      const rendered = await run<WorkerPdf>({
        kind: "pdf",
        view,
        fontDirectory: options.fontDirectory,
        isDraft: options.isDraft ?? false,
      });
      return { ...rendered, pdf: asBuffer(rendered.pdf) };
    },
    renderDocx: async (view) => asBuffer(await run<Uint8Array>({ kind: "docx", view })),
    destroy: () => pool.destroy(),
  };
}

let processFontDirectory: string | undefined;

/**
 * The process's render pool. `fontDirectory` is the font folder of the process's
 * configuration: the pool's workers load it before their first task.
 */
export function sharedRenderPool(fontDirectory?: string): RenderPool {
  processFontDirectory ??= fontDirectory;
  return sharedWorkerPool("nianbao.renderPool", () => createRenderPool(DEFAULT_RENDER_LIMITS, processFontDirectory));
}

/** The report as a PDF, rendered as renderReportPdfWithLayout does, in the process's render pool. */
export function renderReportPdfInWorker(view: ReportView, options: PdfRenderOptions = {}): Promise<RenderedPdf> {
  return sharedRenderPool(options.fontDirectory).renderPdf(view, options);
}

/** The report as a .docx, rendered as renderReportDocx does, in the process's render pool. */
export function renderReportDocxInWorker(view: ReportView): Promise<Buffer> {
  return sharedRenderPool().renderDocx(view);
}
