/**
 * Renders every seed report to PDF and reads it back with poppler's
 * pdftotext: every narrative character and every table figure must come
 * back, the layout must keep 避头尾, page numbers and repeated table headers
 * must be there. Skipped, loudly, where pdftotext is not installed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seeds } from "@/fixtures";
import { getLayout } from "@/lib/template";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toReportView } from "../to-report-view";
import type { ReportView, ValueCellView } from "../to-report-view";
import { renderReportPdf } from "./render-report-pdf";
import { isAuthorHeading } from "./report-pdf-document";

function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const canExtract = hasPdftotext();
if (!canExtract) {
  console.warn("render-report-pdf.test: pdftotext (poppler-utils) is not installed; PDF text checks are SKIPPED.");
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

function normalize(paragraph: string): string {
  return paragraph.replace(/[\s\u00A0\u3000]/g, "");
}

function narrativeParagraphs(view: ReportView): string[] {
  return [
    ...view.preamble.paragraphs,
    ...view.sections.flatMap((s) =>
      s.kind === "narrative"
        ? [s.heading, ...s.paragraphs, ...s.parts.flatMap((p) => [p.heading, ...p.paragraphs])]
        : [s.heading],
    ),
  ];
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

describe.skipIf(!canExtract).each(seeds.map((s) => [s.id, s] as const))("renderReportPdf with %s", (_id, seed) => {
  const view = toReportView(getLayout(seed.layoutId), seed.data, {
    organizationName: seed.organization.name,
    year: seed.data.meta.year,
    publishedAt: "2024-01-26T02:00:00Z",
  });
  let text = "";

  it("renders a PDF", async () => {
    const pdf = await renderReportPdf(view);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    text = extractText(pdf);
  }, 60_000);

  it("prints every narrative paragraph, character for character", () => {
    const printed = flatten(text);
    for (const paragraph of narrativeParagraphs(view)) {
      expect(printed, paragraph.slice(0, 30)).toContain(normalize(paragraph));
    }
    expect(printed).toContain(normalize(view.title));
    expect(printed).toContain("2024年1月26日");
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

  it("leaves no heading alone at the foot of a page", () => {
    const headings = new Set(
      [
        ...view.sections.flatMap((s) =>
          s.kind === "narrative"
            ? [s.heading, ...s.parts.map((p) => p.heading), ...s.paragraphs, ...s.parts.flatMap((p) => p.paragraphs)]
            : [],
        ),
        ...view.preamble.paragraphs,
      ]
        .filter(
          (line) =>
            isAuthorHeading(line) ||
            view.sections.some(
              (s) => s.kind === "narrative" && (s.heading === line || s.parts.some((p) => p.heading === line)),
            ),
        )
        .map(normalize),
    );
    const pages = text.split("\f").filter((page) => page.trim() !== "");
    pages.slice(0, -1).forEach((page, i) => {
      const lines = page.split("\n").filter((line) => line.trim() !== "" && !PAGE_NUMBER_LINE.test(line));
      expect(headings.has(normalize(lines.at(-1) ?? "")), `page ${i + 1} ends with “${lines.at(-1)?.trim()}”`).toBe(
        false,
      );
    });
  });

  it("repeats the header of table 三 on every page it spans", () => {
    // A body row of table 三 ends in exactly seven figures (table 四's row has fifteen).
    const t3Row = /(^|[^\d\s—-])\s+((-?\d+|—)\s+){6}(-?\d+|—)\s*$/;
    const pagesWithT3 = text.split("\f").filter((page) => page.split("\n").some((line) => t3Row.test(line))).length;
    expect(pagesWithT3).toBeGreaterThan(0);
    const headers = text.split("\f").filter((page) => page.includes("申请人情况")).length;
    expect(headers).toBe(pagesWithT3);
  });
});

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
