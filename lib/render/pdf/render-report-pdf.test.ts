/**
 * Renders every seed report and a set of generated stress reports to PDF and
 * reads them back with poppler: the pages must pass what a typesetter checks
 * (testing/check-pdf-pages.ts: no orphan table header, no heading at a page
 * foot, no page more than a fifth empty, page numbers alternating, every
 * character present), every table row must print its figures in order, and
 * 避头尾 must hold. Skipped, loudly, where poppler is not installed.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seeds } from "@/fixtures";
import { getLayout } from "@/lib/template";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toReportView } from "../to-report-view";
import type { ReportView, ValueCellView } from "../to-report-view";
import { renderReportPdf, renderReportPdfWithLayout } from "./render-report-pdf";
import { isAuthorHeading } from "./layout-report";
import { DRAFT_MARK } from "./report-pdf-document";
import { checkPdfPages } from "./testing/check-pdf-pages";
import { hasPoppler, readPdfFonts, readPdfPages, readPdfRawText } from "./testing/read-pdf-pages";
import { stressReports } from "./testing/stress-reports";
import { seedReportView } from "@/lib/render/testing/seed-report-view";

const canExtract = hasPoppler();
if (!canExtract) {
  console.warn("render-report-pdf.test: poppler-utils (pdftotext, pdffonts) is not installed; PDF checks are SKIPPED.");
}

const directory = mkdtempSync(path.join(tmpdir(), "nianbao-pdf-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let fileCounter = 0;

/** pdftotext -layout of the whole document, pages separated by form feeds. */
function extractText(pdf: Buffer): string {
  fileCounter += 1;
  const file = path.join(directory, `report-${fileCounter}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

const PAGE_NUMBER_LINE = /^\s*—\s*\d+\s*—\s*$/;

/** The extracted text without page numbers and without any whitespace. */
function flatten(text: string): string {
  return text
    .split("\n")
    .filter((line) => !PAGE_NUMBER_LINE.test(line))
    .join("")
    .replace(/[\s\u00A0\u3000\f]/g, "");
}

function valueRows(view: ReportView): { id: string; values: ValueCellView[] }[] {
  return view.sections.flatMap((s) =>
    s.kind === "table"
      ? s.grids.flatMap((g) =>
          g.bodyRows.map((r) => ({
            id: `${g.id}.${r.id}`,
            values: r.cells.filter((c): c is ValueCellView => c.kind === "value"),
          })),
        )
      : [],
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const NO_LINE_START = Array.from("。，、；：？！）」』”’》");
const NO_LINE_END = Array.from("（「『“‘《");

const seedViews = seeds.map((seed) => ({
  id: seed.id,
  view: seedReportView(seed, { publishedAt: "2024-01-26T02:00:00Z" }),
}));

const stressViews = stressReports().map((report) => ({
  id: report.id,
  view: toReportView(getLayout(report.layoutId), report.data, {
    organizationName: report.organizationName,
    year: report.year,
    publishedAt: "2025-02-10T02:00:00Z",
    documentDate: "2025-02-08",
    version: 2,
    correctionNote: "第二十条第（一）项规章数字更正。\n原表三第一行合计有误，已更正。",
  }),
}));

describe.skipIf(!canExtract).each([...seedViews, ...stressViews].map((r) => [r.id, r.view] as const))(
  "the pages of %s",
  (_id, view) => {
    it("pass the typesetter's checks, read from the PDF", async () => {
      const pdf = await renderReportPdf(view);
      const problems = checkPdfPages({
        view,
        pages: readPdfPages(pdf),
        rawText: readPdfRawText(pdf),
        isAuthorHeading,
      });
      expect(problems).toEqual([]);
    }, 120_000);
  },
);

describe.skipIf(!canExtract).each(seedViews.map((s) => [s.id, s.view] as const))(
  "renderReportPdf with %s",
  (_id, view) => {
    let text = "";

    it("renders a PDF", async () => {
      const pdf = await renderReportPdf(view);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      text = extractText(pdf);
    }, 60_000);

    it("signs with the 成文日期 and marks no glyph missing", () => {
      const printed = flatten(text);
      expect(printed).toContain(`${view.organizationName}2024年1月26日`);
      expect(printed).not.toContain("〓");
    });

    it("prints every table row with its figures in order", () => {
      const lines = text.split("\n");
      for (const row of valueRows(view)) {
        const pattern = new RegExp(`(^|\\s)${row.values.map((v) => escapeRegExp(v.text)).join("\\s+")}(\\s|$)`);
        expect(
          lines.some((line) => pattern.test(line)),
          `${row.id}: ${row.values.map((v) => v.text).join(" ")}`,
        ).toBe(true);
      }
    });

    it("numbers every page — n — and keeps 避头尾", () => {
      const pages = text.split("\f").filter((page) => page.trim() !== "");
      pages.forEach((page, i) => {
        expect(page).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`));
      });
      for (const line of text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)) {
        // Each text line of a table row is several cells; only the first cell starts the line.
        expect(NO_LINE_START, line).not.toContain(Array.from(line)[0]);
        expect(NO_LINE_END, line).not.toContain(Array.from(line).at(-1));
        expect(line, "hyphen at a line end").not.toMatch(/[\u3400-\u9fff]-$/);
      }
    });

    it("repeats the header of table 三 on every page it spans", () => {
      // A body row of table 三 ends in exactly seven figures (table 四's row has fifteen).
      const t3Row = /(^|[^\d\s—-])\s+((-?\d+|—)\s+){6}(-?\d+|—)\s*$/;
      const pagesWithT3 = text.split("\f").filter((page) => page.split("\n").some((line) => t3Row.test(line))).length;
      expect(pagesWithT3).toBeGreaterThan(0);
      const headers = text.split("\f").filter((page) => page.includes("申请人情况")).length;
      expect(headers).toBe(pagesWithT3);
    });
  },
);

describe.skipIf(!canExtract)("renderReportPdf with hostile text", () => {
  it("prints markup as text, marks missing glyphs with 〓 and wraps long lines", async () => {
    const layout = getLayout("gov-2021");
    const hostile = [
      '<script>alert("x")</script>正文',
      "A".repeat(600),
      "生僻字𠀀与表情😀👩‍👩‍👧结束",
      "\u202E倒序覆盖\u202C不应倒排",
    ];
    const view = toReportView(layout, sampleReportData(layout, { narrative: { s6: hostile.join("\n") } }), {
      organizationName: "测试乡人民政府",
      year: 2023,
    });
    const text = extractText(await renderReportPdf(view));
    const printed = flatten(text);
    expect(printed).toContain('<script>alert("x")</script>正文');
    expect(printed).toContain("A".repeat(600));
    expect(printed).toContain("生僻字〓与表情〓〓结束");
    expect(printed).toContain("倒序覆盖不应倒排");
    const longest = Math.max(
      ...text.split("\n").map((line) => (line.match(/A+/g) ?? [""]).reduce((a, b) => Math.max(a, b.length), 0)),
    );
    expect(longest).toBeLessThan(80);
  }, 60_000);
});

describe.skipIf(!canExtract)("the faces", () => {
  const view = seedViews[1]!.view;

  it("embeds the four open faces, subset, and nothing else", async () => {
    const fonts = readPdfFonts(await renderReportPdf(view));
    expect(fonts.every((font) => font.isEmbedded)).toBe(true);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual([
      "LXGWWenKai-Regular",
      "NotoSansSC-Regular",
      "NotoSerifSC-Bold",
      "NotoSerifSC-Regular",
    ]);
  }, 60_000);

  it("embeds an office's own font dropped in the font folder (a stand-in file named 黑体.ttf)", async () => {
    const folder = path.join(directory, "office-fonts");
    mkdirSync(folder, { recursive: true });
    // Any TTF stands in for a licensed 黑体: its PostScript name shows which font was embedded.
    copyFileSync(
      path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/900Black/NotoSansSC_900Black.ttf"),
      path.join(folder, "黑体.ttf"),
    );
    writeFileSync(path.join(folder, "仿宋_GB2312.ttf"), "not a font");
    const rendered = await renderReportPdfWithLayout(view, { fontDirectory: folder });
    expect(rendered.fonts.heiti).toEqual(["NotoSansSC-Black", "NotoSansSC-Regular"]);
    // A damaged file is skipped (and logged); the open face draws instead.
    expect(rendered.fonts.body).toEqual(["NotoSerifSC-Regular"]);
    const names = readPdfFonts(rendered.pdf).map((font) => font.name.replace(/^[A-Z]{6}\+/, ""));
    expect(names).toContain("NotoSansSC-Black");
    expect(names).not.toContain("NotoSansSC-Regular");
  }, 60_000);
});

describe.skipIf(!canExtract)("a draft", () => {
  it("is the same document marked 样稿 on every page", async () => {
    const view = seedViews[0]!.view;
    const final = await renderReportPdfWithLayout(view);
    const draft = await renderReportPdfWithLayout(view, { isDraft: true });
    expect(draft.pageCount).toBe(final.pageCount);
    const pages = readPdfRawText(draft.pdf)
      .split("\f")
      .filter((page) => page.trim() !== "");
    expect(pages).toHaveLength(final.pageCount);
    for (const page of pages) expect(page).toContain(DRAFT_MARK);
    expect(readPdfRawText(final.pdf)).not.toContain(DRAFT_MARK);
  }, 60_000);
});
