/**
 * PDFs as counties publish them, read back against the data they were made from: the
 * app's own published PDF (lib/render/pdf, centred row labels, tables over pages with
 * repeated headers) of both layouts, and a LibreOffice export of a .docx
 * (fixtures/import/pdf/libreoffice-gov-2021.pdf, top-aligned wrapped labels, the vertical
 * 三、本年度办理结果 header) with one figure left blank mid-row. Then the refusals: a scan,
 * too many pages, a damaged file, and the reading pool and the upload path taking .pdf.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { blankCellReport } from "../../fixtures/import/blank-cell-report";
import { sampleReport } from "../../fixtures/import/sample-report";
import { writeMinimalPdf } from "../../fixtures/import/write-minimal-pdf";
import { writeReportPdf } from "../../fixtures/import/write-report-pdf";
import { getLayout } from "../template";
import { importMessages } from "./import-messages";
import { MAX_PDF_PAGES } from "./limits";
import { createReadingPool } from "./read-in-worker";
import { readReportBytes } from "./read-report-bytes";
import { extractPdfText, readReportPdf } from "./read-report-pdf";
import { warmUpPdf } from "./warm-up-pdf";

const libreOfficePdf = new Uint8Array(
  readFileSync(path.join(import.meta.dirname, "../../fixtures/import/pdf/libreoffice-gov-2021.pdf")),
);

describe.each(["gov-2021", "gov-2019"] as const)("the app's published PDF, %s", (layoutId) => {
  const data = sampleReport(layoutId);
  it("reads every cell into its row and column, and the body, year and layout", async () => {
    const reading = await readReportBytes(await writeReportPdf(getLayout(layoutId), data), "report.pdf");
    expect(reading.status).toBe("read");
    expect(reading.source).toBe("pdf");
    expect(reading.layoutId).toBe(layoutId);
    expect(reading.year).toBe(data.meta.year);
    expect(reading.organizationName).toBe(data.meta.organizationName);
    expect(reading.data.cells).toEqual(data.cells);
    expect(reading.problems.filter((p) => p.severity === "error")).toEqual([]);
  }, 30_000);
});

describe("a LibreOffice export of a .docx, one figure blank mid-row", () => {
  const { data, blank } = blankCellReport("gov-2021");
  it("reads every printed cell where it was printed and leaves the blank one absent", async () => {
    const reading = await readReportBytes(libreOfficePdf, "县政府网站下载.pdf");
    expect(reading.status).toBe("read");
    expect(reading.layoutId).toBe("gov-2021");
    expect(reading.year).toBe(data.meta.year);
    expect(reading.organizationName).toBe(data.meta.organizationName);
    expect(reading.data.cells[blank]).toBeUndefined();
    expect(reading.data.cells).toEqual(data.cells);
    // The blank is blamed on its own cell, not on the row's last column.
    expect(reading.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(reading.problems.some((p) => p.code === "cell.blank" && p.place === blank)).toBe(true);
  });

  it("reads the same in the reading pool (off the request thread)", async () => {
    const pool = createReadingPool({ threads: 1, waiting: 1, timeLimitMs: 20_000, memoryLimitMb: 256 });
    afterAll(() => pool.destroy());
    const inPool = await pool.read(libreOfficePdf, "a.pdf");
    expect(inPool).toEqual(await readReportPdf(libreOfficePdf));
  }, 30_000);

  it("reads the same in a reading pool whose thread warmed up on its own PDF first", async () => {
    const pool = createReadingPool({ threads: 1, waiting: 1, timeLimitMs: 20_000, memoryLimitMb: 256 }, true);
    afterAll(() => pool.destroy());
    const inPool = await pool.read(libreOfficePdf, "a.pdf");
    expect(inPool).toEqual(await readReportPdf(libreOfficePdf));
  }, 30_000);
});

describe("the reading pool's warm-up PDF", () => {
  it("has text in rows and columns for pdf.js to read, and is no report", async () => {
    const text = await extractPdfText(warmUpPdf());
    expect(text.ok && text.pages.length).toBe(1);
    const runs = text.ok ? (text.pages[0]?.runs ?? []) : [];
    expect(runs.filter((r) => r.text.trim() !== "").length).toBe(12 * 5);
    expect(new Set(runs.map((r) => r.y)).size).toBe(12);
    const reading = await readReportPdf(warmUpPdf());
    expect(reading.status).toBe("notReport");
    // A PDF says why a report might read as none: its text may not be extractable.
    expect(reading.problems).toEqual([
      { code: "input.notReport", severity: "error", place: "file", message: importMessages.pdfNotReport() },
    ]);
    expect(reading.problems[0]?.message).toContain("请上传 Word 或网页文件");
  });
});

describe("PDFs that are refused, with a zh-CN reason", () => {
  it("a scan: pages of images, no text", async () => {
    const reading = await readReportBytes(writeMinimalPdf({ pages: 3, image: true }), "扫描件.pdf");
    expect(reading.status).toBe("refused");
    expect(reading.problems).toEqual([
      { code: "input.scanned", severity: "error", place: "file", message: importMessages.pdfScanned() },
    ]);
    expect(reading.problems[0]?.message).toContain("扫描件（图片）PDF");
  });

  it("more pages than a report has, before any page is read", async () => {
    const reading = await readReportPdf(writeMinimalPdf({ pages: MAX_PDF_PAGES + 1 }));
    expect(reading.status).toBe("refused");
    expect(reading.problems[0]?.code).toBe("input.tooComplex");
    expect(reading.problems[0]?.message).toContain(`${MAX_PDF_PAGES + 1} 页`);
  });

  it("a damaged file: a PDF header on junk, and a PDF cut in half", async () => {
    const junk = new TextEncoder().encode(`%PDF-1.7\n${"x".repeat(2000)}`);
    expect((await readReportPdf(junk)).problems[0]?.code).toBe("input.damaged");
    const cut = await readReportPdf(libreOfficePdf.subarray(0, 5000));
    expect(cut.status).not.toBe("read");
  });

  it("a file named .pdf that is not one", async () => {
    const reading = await readReportBytes(new TextEncoder().encode("just text"), "a.pdf");
    expect(reading.problems[0]?.code).toBe("input.damaged");
    expect(reading.problems[0]?.message).toContain("PDF");
  });
});
