/**
 * .docx reports made with the `docx` library (headings, paragraphs, tables
 * with merged cells) read back equal; damaged files, archives that are not
 * Word documents and zip bombs are refused before mammoth unzips them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryReport } from "../../fixtures/import/arbitrary-report";
import { sampleReport } from "../../fixtures/import/sample-report";
import { writeReportDocx } from "../../fixtures/import/write-report-docx";
import { writeZip } from "../../fixtures/import/write-zip";
import { getLayout } from "../template";
import type { LayoutId } from "../template/types";
import { checkDocxArchive } from "./check-docx-archive";
import { MAX_DOCX_UNZIPPED_BYTES } from "./limits";
import { readReportDocx } from "./read-report-docx";

const layoutIds: LayoutId[] = ["gov-2021", "gov-2019"];

describe.each(layoutIds)("%s .docx round trip", (layoutId) => {
  const layout = getLayout(layoutId);

  it("reads the sample report back equal, with no problems", async () => {
    const data = sampleReport(layoutId);
    const r = await readReportDocx(await writeReportDocx(layout, data));
    expect(r.status).toBe("read");
    expect(r.source).toBe("docx");
    expect(r.layoutId).toBe(layoutId);
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual(data);
  });

  it("for any figures", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryReport(layoutId), async (report) => {
        const r = await readReportDocx(await writeReportDocx(layout, report));
        expect(r.data).toEqual(report);
      }),
      { numRuns: 8 },
    );
  });
});

describe("hostile .docx", () => {
  const xml = new TextEncoder().encode("<w:document/>");

  it("refuses an empty file as empty", async () => {
    const r = await readReportDocx(new Uint8Array());
    expect(r.status).toBe("notReport");
    expect(r.problems[0]?.code).toBe("input.empty");
  });

  it("refuses bytes that are not a ZIP archive as damaged", async () => {
    const r = await readReportDocx(new TextEncoder().encode("这不是 Word 文档"));
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("input.damaged");
    expect(r.problems[0]?.message).toContain(".docx");
  });

  it("refuses a truncated .docx as damaged", async () => {
    const whole = await writeReportDocx(getLayout("gov-2021"), sampleReport("gov-2021"));
    const r = await readReportDocx(whole.subarray(0, Math.floor(whole.byteLength / 2)));
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("input.damaged");
  });

  it("refuses a ZIP without word/document.xml", async () => {
    const r = await readReportDocx(writeZip([{ name: "hello.txt", data: xml }]));
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.message).toContain("word/document.xml");
  });

  it("refuses a zip bomb whose entry inflates past the cap, even when it lies about its size", async () => {
    // 70 MB of zeros deflates to ~70 KB; the archive claims 1 KB.
    const bomb = writeZip([
      { name: "word/document.xml", data: new Uint8Array(70 * 1024 * 1024), deflate: true, claimedSize: 1024 },
    ]);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const r = await readReportDocx(bomb);
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("archive.tooLarge");
    expect(r.problems[0]?.message).toContain(`${MAX_DOCX_UNZIPPED_BYTES / 1024 / 1024}.0 MB`);
  });

  it("counts every entry against the cap (many small bombs)", () => {
    const part = { data: new Uint8Array(400 * 1024), deflate: true };
    const archive = writeZip([
      { name: "word/document.xml", data: xml },
      ...Array.from({ length: 4 }, (_, i) => ({ ...part, name: `word/media/image${i}.png` })),
    ]);
    expect(checkDocxArchive(archive, 1024 * 1024)).toEqual({ ok: false, reason: "tooLarge" });
    expect(checkDocxArchive(archive, 4 * 1024 * 1024)).toMatchObject({ ok: true });
  });

  it("refuses compression methods Word never uses", () => {
    const archive = writeZip([{ name: "word/document.xml", data: xml }]);
    // Patch the method in the central directory to 12 (bzip2).
    const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
    const eocd = archive.byteLength - 22;
    view.setUint16(view.getUint32(eocd + 16, true) + 10, 12, true);
    expect(checkDocxArchive(archive)).toEqual({ ok: false, reason: "unsafe" });
  });
});
