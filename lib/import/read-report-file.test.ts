/**
 * Files as the command line and uploads meet them: chosen by name and
 * confirmed by content, refused when missing, empty, binary, too large or
 * of a type no reader takes — each with a zh-CN problem, never an empty
 * “report”.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleReport } from "../../fixtures/import/sample-report";
import { writeReportDocx } from "../../fixtures/import/write-report-docx";
import { writeReportHtmlTable } from "../../fixtures/import/write-report-html-table";
import { writeReportText } from "../../fixtures/import/write-report-text";
import { getLayout } from "../template";
import { MAX_INPUT_BYTES } from "./limits";
import { readReportBytes } from "./read-report-bytes";
import { readReportFile } from "./read-report-file";
import { readReportText } from "./read-report-text";

const dir = mkdtempSync(path.join(tmpdir(), "nianbao-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

const layout = getLayout("gov-2021");
const data = sampleReport("gov-2021");

/** Deterministic junk: a linear congruential generator, so failures reproduce. */
function junk(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe("readReportFile", () => {
  it("reads .txt, .html and .docx", async () => {
    const text = await readReportFile(file("a.txt", writeReportText(layout, data)));
    const html = await readReportFile(file("a.htm", writeReportHtmlTable(layout, data)));
    const docx = await readReportFile(file("a.docx", await writeReportDocx(layout, data)));
    expect([text.source, html.source, docx.source]).toEqual(["text", "html", "docx"]);
    for (const r of [text, html, docx]) expect(r.data).toEqual(data);
  });

  it("reads a GBK-encoded page (as many government sites still serve)", async () => {
    // “一、总体情况” etc. in GB18030, via the encoder the platform offers for the test only.
    const utf8 = writeReportText(layout, data);
    const gbk = encodeGb18030(utf8);
    expect(gbk).not.toEqual(new TextEncoder().encode(utf8));
    const r = await readReportFile(file("gbk.txt", gbk));
    expect(r.data).toEqual(data);
  });

  it("refuses a missing file", async () => {
    const r = await readReportFile(path.join(dir, "nope.txt"));
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("input.missing");
    expect(r.problems[0]?.message).toContain("找不到文件");
  });

  it("refuses a directory", async () => {
    const r = await readReportFile(dir);
    expect(r.problems[0]?.code).toBe("input.unreadable");
  });

  it("refuses an empty file as not a report", async () => {
    const r = await readReportFile(file("empty.txt", ""));
    expect(r.status).toBe("notReport");
    expect(r.problems[0]?.code).toBe("input.empty");
  });

  it("refuses binary junk named .txt", async () => {
    const r = await readReportFile(file("junk.txt", junk(50_000)));
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("input.binary");
  });

  it("refuses a PNG named .html", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...junk(2000)]);
    const r = await readReportFile(file("image.html", png));
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("input.binary");
  });

  it("refuses a 5 MB text file over the size cap, with the sizes in the message", async () => {
    const big = "一、总体情况\n".repeat(Math.ceil((5 * 1024 * 1024) / 18));
    const r = await readReportFile(file("big.txt", big));
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("input.tooLarge");
    expect(r.problems[0]?.message).toMatch(/5\.\d MB，超过上限 4\.0 MB/);
  });

  it("refuses types no reader takes, with advice for old .doc", async () => {
    const rtf = await readReportFile(file("a.rtf", "{\\rtf1 x}"));
    expect(rtf.problems[0]?.code).toBe("input.unsupported");
    const doc = await readReportFile(file("a.doc", junk(100)));
    expect(doc.problems[0]?.message).toContain("另存为");
  });
});

describe("readReportFile on a PDF", () => {
  it("refuses a truncated PDF as damaged, in zh-CN, rather than as an unsupported type", async () => {
    const pdf = await readReportFile(file("a.pdf", "%PDF-1.4"));
    expect(pdf.status).toBe("refused");
    expect(pdf.source).toBe("pdf");
    expect(pdf.problems[0]?.code).toBe("input.damaged");
    expect(pdf.problems[0]?.message).toContain("PDF");
  });
});

describe("readReportBytes", () => {
  it("follows the content when the name lies: a .docx saved as .txt, HTML saved as .txt", async () => {
    const docx = await readReportBytes(await writeReportDocx(layout, data), "report.txt");
    expect(docx.source).toBe("docx");
    expect(docx.data).toEqual(data);
    const html = await readReportBytes(new TextEncoder().encode(writeReportHtmlTable(layout, data)), "report.txt");
    expect(html.source).toBe("html");
    expect(html.data).toEqual(data);
  });
});

describe("readReportText guards", () => {
  it("refuses a string over the cap without reading it", () => {
    const r = readReportText("0".repeat(MAX_INPUT_BYTES + 1));
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.code).toBe("input.tooLarge");
  });

  it("treats whitespace only as empty", () => {
    expect(readReportText(" \n\t\r\n ").problems[0]?.code).toBe("input.empty");
  });

  it("refuses text with NUL characters", () => {
    expect(readReportText("一、总体情况\u0000\u0000").problems[0]?.code).toBe("input.binary");
  });

  it("says “not a report” for ordinary prose", () => {
    const r = readReportText("今天召开了全体干部大会。\n会议强调要做好年度各项工作。");
    expect(r.status).toBe("notReport");
    expect(r.problems[0]?.code).toBe("input.notReport");
  });
});

/**
 * GB18030 encoder for the test: Node has a decoder but no encoder, so map
 * each character through a reverse table built by decoding every 2-byte code.
 */
function encodeGb18030(text: string): Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GB18030 2-byte code for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}
