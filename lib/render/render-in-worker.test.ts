/**
 * The render pool with real worker threads: a PDF and a DOCX are rendered in a worker, never
 * in this thread, byte for byte as the renderers make them here (so every proof of
 * render-report-pdf.test.ts holds for what the pool returns); this thread keeps answering
 * while a worker renders; an office's font folder works in the workers; a flood of renders
 * is refused as busy, a render past the time limit is stopped, and a render that throws
 * is a RenderFailedError — each with its zh-CN message, after which the pool takes the next task.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { seeds } from "@/fixtures";
import { getLayout } from "@/lib/template";
import { renderReportDocx } from "./docx/render-report-docx";
import { renderReportPdf } from "./pdf/render-report-pdf";
import { hasPoppler, readPdfFonts } from "./pdf/testing/read-pdf-pages";
import { stressReports } from "./pdf/testing/stress-reports";
import {
  createRenderPool,
  DEFAULT_RENDER_LIMITS,
  RendererBusyError,
  RenderFailedError,
  renderReportPdfInWorker,
  type RenderPool,
} from "./render-in-worker";
import { toReportView, type ReportView } from "./to-report-view";
import { seedReportView } from "@/lib/render/testing/seed-report-view";

const seed = seeds[0]!;
const view = seedReportView(seed, { publishedAt: "2024-01-26T02:00:00Z" });
const stress = stressReports()[0]!;
const stressView = toReportView(getLayout(stress.layoutId), stress.data, {
  organizationName: stress.organizationName,
  year: stress.year,
});

const directory = mkdtempSync(path.join(tmpdir(), "nianbao-render-pool-"));
const pools: RenderPool[] = [];
/** A pool of one thread; `warm: false` leaves out the warm-up, so the first render is cold (slow). */
const pool = (limits: Partial<typeof DEFAULT_RENDER_LIMITS>, warm = true) => {
  const created = createRenderPool({ ...DEFAULT_RENDER_LIMITS, threads: 1, ...limits }, warm ? undefined : null);
  pools.push(created);
  return created;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()));
  rmSync(directory, { recursive: true, force: true });
});

describe("the render pool", { timeout: 120_000 }, () => {
  it("renders a PDF in a worker thread, the same bytes as this thread renders", async () => {
    const rendered = await renderReportPdfInWorker(view);
    expect(rendered.threadId).not.toBe(threadId);
    expect(rendered.threadId).toBeGreaterThan(0);
    expect(Buffer.isBuffer(rendered.pdf)).toBe(true);
    expect(rendered.pdf.equals(await renderReportPdf(view))).toBe(true);
    expect(rendered.pageCount).toBeGreaterThan(1);
  });

  it("renders a DOCX in a worker thread, the same document as this thread renders", async () => {
    const free = pool({}, false);
    const docx = await free.renderDocx(view);
    expect(Buffer.isBuffer(docx)).toBe(true);
    // A .docx is a zip whose entries carry the time they were written: compare what it holds.
    const { unzipSync } = await import("fflate");
    const inWorker = unzipSync(new Uint8Array(docx));
    const here = unzipSync(new Uint8Array(await renderReportDocx(view)));
    expect(Object.keys(inWorker).sort()).toEqual(Object.keys(here).sort());
    const text = (files: Record<string, Uint8Array>) => new TextDecoder().decode(files["word/document.xml"]);
    expect(text(inWorker)).toEqual(text(here));
  });

  it("leaves this thread free while a worker renders", async () => {
    /** How often a 5 ms timer of this thread fires while `render` is under way. */
    const heartbeatsDuring = async (render: () => Promise<unknown>): Promise<number> => {
      let beats = 0;
      const heartbeat = setInterval(() => (beats += 1), 5);
      try {
        await render();
      } finally {
        clearInterval(heartbeat);
      }
      return beats;
    };
    const free = pool({});
    await free.renderPdf(view);
    // The same stress report of many pages, rendered here (fonts already loaded by the first
    // test) and in the warm worker: here its layout and drawing hold the timer back; there,
    // this thread's timer keeps firing all the while.
    const here = await heartbeatsDuring(() => renderReportPdf(stressView));
    const inWorker = await heartbeatsDuring(() => free.renderPdf(stressView));
    expect(inWorker).toBeGreaterThan(10);
    expect(inWorker).toBeGreaterThan(5 * here);
  });

  it.skipIf(!hasPoppler())("embeds an office's own font from the font folder in the workers", async () => {
    const folder = path.join(directory, "office-fonts");
    mkdirSync(folder, { recursive: true });
    // Any TTF stands in for a licensed 黑体: its PostScript name shows which font was embedded.
    copyFileSync(
      path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/900Black/NotoSansSC_900Black.ttf"),
      path.join(folder, "黑体.ttf"),
    );
    // Warmed with the folder, as the server's pool is with the configured one.
    const office = createRenderPool({ ...DEFAULT_RENDER_LIMITS, threads: 1 }, folder);
    pools.push(office);
    const rendered = await office.renderPdf(view, { fontDirectory: folder });
    expect(rendered.fonts.heiti).toEqual(["NotoSansSC-Black", "NotoSansSC-Regular"]);
    const names = readPdfFonts(rendered.pdf).map((font) => font.name.replace(/^[A-Z]{6}\+/, ""));
    expect(names).toContain("NotoSansSC-Black");
    expect(names).not.toContain("NotoSansSC-Regular");
    // The default folder has no office font: the same workers draw 黑体 with the open face there.
    expect((await office.renderPdf(view)).fonts.heiti).toEqual(["NotoSansSC-Regular"]);
  });

  it("refuses renders past the thread and the waiting places as busy, at once", async () => {
    const busy = pool({ waiting: 1 }, false);
    const running = busy.renderPdf(stressView);
    const waiting = busy.renderDocx(view);
    await expect(busy.renderPdf(view)).rejects.toBeInstanceOf(RendererBusyError);
    await expect(busy.renderPdf(view)).rejects.toThrow("服务繁忙，正在生成其他报告的文档，本次未生成。请稍后重试。");
    await Promise.all([running, waiting]);
    expect((await busy.renderPdf(view)).pageCount).toBeGreaterThan(1);
  });

  it("stops a render past the time limit, terminating its worker, and takes the next task", async () => {
    // A cold worker needs far longer than this for its fonts and a stress report's pages.
    const timed = pool({ timeLimitMs: 200 }, false);
    const stopped = timed.renderPdf(stressView);
    await expect(stopped).rejects.toBeInstanceOf(RenderFailedError);
    await expect(stopped).rejects.toThrow(
      "生成 PDF 超过 0.2 秒仍未完成，已停止。请稍后重试；如仍失败，请联系系统管理员。",
    );
    // The worker was replaced: the next task is taken (and stopped the same way, being cold).
    await expect(timed.renderPdf(stressView)).rejects.toThrow("生成 PDF 超过 0.2 秒仍未完成");
  });

  it("answers a render that throws with a zh-CN RenderFailedError, and renders the next one", async () => {
    const failing = pool({}, false);
    const broken = { ...view, sections: null } as unknown as ReportView;
    const failed = failing.renderPdf(broken);
    await expect(failed).rejects.toBeInstanceOf(RenderFailedError);
    await expect(failed).rejects.toThrow("生成 PDF 时出错，本次未生成。请稍后重试；如仍失败，请联系系统管理员。");
    expect((await failing.renderPdf(view)).pageCount).toBeGreaterThan(1);
  });
});
