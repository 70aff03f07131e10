/**
 * A blank cell keeps its column, in every reader: `0 │ (blank) │ 0 0 0 0 0` puts the blank
 * under its own column (absent, reported there), and every later figure under its own,
 * instead of shifting the row left and blaming its last column. The same report, with one
 * figure left blank mid-row (fixtures/import/blank-cell-report.ts), is written as
 * tab-separated text, a CMS page's <table>, a .docx and the positioned text of a PDF.
 */
import { describe, expect, it } from "vitest";
import { blankCellReport } from "../../fixtures/import/blank-cell-report";
import { writeReportDocx } from "../../fixtures/import/write-report-docx";
import { writeReportHtmlTable } from "../../fixtures/import/write-report-html-table";
import { writeReportText } from "../../fixtures/import/write-report-text";
import { getLayout } from "../template";
import type { LayoutId } from "../template/types";
import { pdfToLines, type PdfTextRun } from "./pdf-to-lines";
import { prepareLines, tokenize } from "./prepare-lines";
import { readReportDocx } from "./read-report-docx";
import { readReportHtml } from "./read-report-html";
import { readReportText } from "./read-report-text";
import type { ReadResult } from "./types";

function expectBlankKept(reading: ReadResult, layoutId: LayoutId): void {
  const { data, blank } = blankCellReport(layoutId);
  expect(reading.status).toBe("read");
  expect(reading.data.cells).toEqual(data.cells);
  expect(reading.problems.filter((p) => p.code === "row.values")).toEqual([]);
  expect(reading.problems.filter((p) => p.code === "cell.blank").map((p) => p.place)).toEqual([blank]);
  expect(reading.problems.find((p) => p.code === "cell.blank")?.message).toContain("空白");
}

describe.each(["gov-2021", "gov-2019"] as const)("%s: a figure blank mid-row", (layoutId) => {
  const layout = getLayout(layoutId);
  const { data } = blankCellReport(layoutId);
  it("tab-separated text", () => {
    const text = writeReportText(layout, data);
    expect(text).toMatch(/\d\t\t\d/);
    expectBlankKept(readReportText(text), layoutId);
  });
  it("a CMS page's <table> (an empty <td> keeps its index)", () => {
    expectBlankKept(readReportHtml(writeReportHtmlTable(layout, data)), layoutId);
  });
  it("a .docx", async () => {
    expectBlankKept(await readReportDocx(await writeReportDocx(layout, data)), layoutId);
  });
});

describe("which empty cells are kept", () => {
  const slots = (cells: string[]) => prepareLines([{ cells }])[0]?.slots;
  it("among the figures, not before the first one (a stub column) nor after the last (padding)", () => {
    expect(slots(["商业企业", "", "0", "", "0", ""])).toEqual(["商业企业", "0", "", "0"]);
    expect(slots(["一、本年新收", "", "3", "4"])).toEqual(["一、本年新收", "3", "4"]);
    expect(slots(["申请人情况", "", "自然人"])).toEqual(["申请人情况", "自然人"]);
  });
  it("as blank tokens: they hold their column and no figure", () => {
    const tokens = tokenize(prepareLines([{ cells: ["规章", "0", "", "0"] }]), 0, 1);
    expect(tokens.map((t) => t.value?.kind)).toEqual([undefined, "number", "blank", "number"]);
  });
});

describe("pdfToLines: columns from the figures' and the header's extents", () => {
  const run = (text: string, x: number, y: number, width = 6 * text.length): PdfTextRun => ({
    text,
    x,
    y,
    width,
    fontSize: 10.5,
  });
  const columns = [300, 335, 370, 405, 440, 475, 510];
  const header = ["自然人", "商业企业", "科研机构", "社会公益", "法律服务", "其他", "总计"].map((t, i) =>
    run(t, (columns[i] ?? 0) - 4, 700, 21),
  );
  const row = (label: string, y: number, figures: (string | null)[]): PdfTextRun[] => [
    run(label, 80, y, 150),
    ...figures.flatMap((f, i) => (f === null ? [] : [run(f, columns[i] ?? 0, y)])),
  ];

  it("a figure missing in one row leaves an empty cell in its column", () => {
    const lines = pdfToLines([
      {
        runs: [
          ...header,
          ...row("一、本年新收政府信息公开申请数量", 680, ["1", "2", "3", "4", "5", "6", "21"]),
          ...row("二、上年结转政府信息公开申请数量", 660, ["0", null, "0", "0", "0", "0", "0"]),
        ],
      },
    ]);
    expect(lines.map((l) => l.cells)).toEqual([
      header.map((h) => h.text),
      ["一、本年新收政府信息公开申请数量", "1", "2", "3", "4", "5", "6", "21"],
      ["二、上年结转政府信息公开申请数量", "0", "", "0", "0", "0", "0", "0"],
    ]);
  });

  it("a column blank in every row is placed by its header cell", () => {
    const lines = pdfToLines([
      { runs: [...header, ...row("一、本年新收政府信息公开申请数量", 680, ["1", "2", null, "4", "5", "6", "18"])] },
    ]);
    expect(lines[1]?.cells).toEqual(["一、本年新收政府信息公开申请数量", "1", "2", "", "4", "5", "6", "18"]);
  });

  it("a label wrapped below its figures (top-aligned cells) is one cell of its row", () => {
    const lines = pdfToLines([
      {
        runs: [
          ...header,
          ...row("一、本年新收政府信息公开", 680, ["1", "2", "3", "4", "5", "6", "21"]),
          run("申请数量", 80, 666),
          ...row("二、上年结转政府信息公开申请数量", 640, ["0", "0", "0", "0", "0", "0", "0"]),
        ],
      },
    ]);
    expect(lines[1]?.cells[0]).toBe("一、本年新收政府信息公开申请数量");
    expect(lines[2]?.cells[0]).toBe("二、上年结转政府信息公开申请数量");
  });

  it("drops the page number alone on the page's last row", () => {
    const lines = pdfToLines([{ runs: [run("正文第一行。", 80, 700), run("— 3 —", 290, 40)] }]);
    expect(lines).toEqual([{ cells: ["正文第一行。"] }]);
  });
});
