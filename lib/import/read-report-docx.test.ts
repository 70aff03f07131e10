/**
 * .docx reports made with the `docx` library (headings, paragraphs, tables
 * with merged cells) read back equal; damaged files, archives that are not
 * Word documents, zip bombs and XML bombs are refused before mammoth sees
 * them, having inflated no more than the cap.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryReport } from "../../fixtures/import/arbitrary-report";
import { sampleReport } from "../../fixtures/import/sample-report";
import { writeReportDocx } from "../../fixtures/import/write-report-docx";
import { writeXmlBombDocx } from "../../fixtures/import/write-hostile-uploads";
import { writeZip } from "../../fixtures/import/write-zip";
import { getLayout } from "../template";
import type { LayoutId } from "../template/types";
import { extractDocxParts } from "./extract-docx-parts";
import { MAX_DOCX_XML_BYTES } from "./limits";
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

  it("refuses a zip bomb that lies about its size as soon as it inflates past the claim", async () => {
    // 70 MB of zeros deflates to ~70 KB; the archive claims 1 KB.
    const bomb = writeZip([
      { name: "word/document.xml", data: new Uint8Array(70 * 1024 * 1024), deflate: true, claimedSize: 1024 },
    ]);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const r = await readReportDocx(bomb);
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("archive.unsafe");
    expect(r.problems[0]?.message).toMatch(/恶意构造/);
  });

  it("refuses a .docx holding 60 MB of valid XML in ~250 KB (an XML bomb) without handing it to mammoth", async () => {
    const bomb = await writeXmlBombDocx(60 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(300 * 1024);
    const r = await readReportDocx(bomb);
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("archive.tooLarge");
    expect(r.problems[0]?.message).toContain(`超过 ${MAX_DOCX_XML_BYTES / 1024 / 1024}.0 MB`);
  });

  it("stops inflating at the cap even when every header tells the truth about its size", async () => {
    const honest = writeZip([
      { name: "word/document.xml", data: new Uint8Array(1024 * 1024), deflate: true },
      { name: "word/styles.xml", data: new Uint8Array(1024 * 1024), deflate: true },
    ]);
    expect(await extractDocxParts(honest, 1536 * 1024)).toEqual({ ok: false, reason: "tooLarge" });
    expect(await extractDocxParts(honest, 2 * 1024 * 1024)).toMatchObject({ ok: true, xmlBytes: 2 * 1024 * 1024 });
  });

  it("counts every XML part against the cap (many small bombs), never inflating images", async () => {
    const part = { data: new Uint8Array(400 * 1024), deflate: true };
    const archive = writeZip([
      { name: "word/document.xml", data: xml },
      ...Array.from({ length: 4 }, (_, i) => ({ ...part, name: `customXml/item${i}.xml` })),
      // A lying image: were it inflated, it would trip the size-claim check.
      { name: "word/media/image1.png", data: new Uint8Array(8 * 1024 * 1024), deflate: true, claimedSize: 10 },
    ]);
    expect(await extractDocxParts(archive, 1024 * 1024)).toEqual({ ok: false, reason: "tooLarge" });
    const extracted = await extractDocxParts(archive, 4 * 1024 * 1024);
    expect(extracted).toMatchObject({ ok: true, xmlBytes: xml.byteLength + 4 * 400 * 1024 });
    expect(extracted.ok && extracted.parts["word/media/image1.png"]).toEqual(new Uint8Array(0));
  });

  it("refuses compression methods Word never uses", async () => {
    const archive = writeZip([{ name: "word/document.xml", data: xml }]);
    // Patch the method in the central directory to 12 (bzip2).
    const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
    const eocd = archive.byteLength - 22;
    view.setUint16(view.getUint32(eocd + 16, true) + 10, 12, true);
    expect(await extractDocxParts(archive)).toEqual({ ok: false, reason: "unsafe" });
  });

  it("refuses two entries of the same name (each reader could take another one)", async () => {
    const archive = writeZip([
      { name: "word/document.xml", data: xml },
      { name: "word/document.xml", data: xml },
    ]);
    expect(await extractDocxParts(archive)).toEqual({ ok: false, reason: "unsafe" });
  });
});
