// A thread of the render pool (render-in-worker.ts). worker-task.mjs registers tsx first,
// so the very same lib/render code runs here under `next start`, vitest and tsx.
import { threadId, workerData } from "node:worker_threads";
import { startTask } from "../worker-pool/worker-task.mjs";

const { renderReportPdfWithLayout } = await import("./pdf/render-report-pdf.tsx");
const { renderReportDocx } = await import("./docx/render-report-docx.ts");

// Before the pool hands this thread its first task: the fonts of the configured folder are
// parsed and a sample report (every cell, every face) is rendered once, so the code, the
// fonts' tables and the glyph measurements are warm when a user's document comes.
if (workerData?.warmUp) {
  const [{ toReportView }, { layoutForYear }, { sampleReportData }] = await Promise.all([
    import("./to-report-view.ts"),
    import("../template/index.ts"),
    import("../report-data/sample-report-data.ts"),
  ]);
  const layout = layoutForYear(2025);
  const view = toReportView(layout, sampleReportData(layout), { organizationName: "样例单位", year: 2025 });
  await renderReportPdfWithLayout(view, { fontDirectory: workerData.fontDirectory });
  await renderReportDocx(view);
}

/** One document: a PDF (its bytes, page count, fonts) or a .docx (its bytes). */
export default async function renderTask(task) {
  startTask(task.started);
  if (task.kind === "docx") return renderReportDocx(task.view);
  const rendered = await renderReportPdfWithLayout(task.view, {
    fontDirectory: task.fontDirectory,
    isDraft: task.isDraft,
  });
  return { pdf: rendered.pdf, pageCount: rendered.pageCount, fonts: rendered.fonts, threadId };
}
