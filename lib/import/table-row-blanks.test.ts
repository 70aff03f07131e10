/**
 * Two misses the regression corpus found (fixtures/corpus/shanghai-bgt-2019): an HTML table row
 * whose last cells are blank (`（二）部分公开 │ 3 │ │ │ │ │ │`) keeps them as blank cells of their
 * columns instead of reading a row "short of six figures"; and a title with the year before
 * the body's name (“2019年上海市人民政府办公厅政府信息公开工作年度报告”) names the body.
 */
import { describe, expect, it } from "vitest";
import { sampleReport } from "../../fixtures/import/sample-report";
import { writeReportHtmlTable } from "../../fixtures/import/write-report-html-table";
import { compileLayout, getLayout } from "../template";
import type { CellId, LayoutId } from "../template/types";
import { findTitle } from "./find-title";
import { prepareLines } from "./prepare-lines";
import { readReportHtml } from "./read-report-html";

describe("a table row's empty cells", () => {
  const slots = (cells: string[], isTableRow?: boolean) => prepareLines([{ cells, isTableRow }])[0]?.slots;

  it("keep their columns after the last figure and in a row with no figure at all", () => {
    expect(slots(["（二）部分公开", "3", "", "", "", "", "", ""], true)).toEqual([
      "（二）部分公开",
      "3",
      "",
      "",
      "",
      "",
      "",
      "",
    ]);
    expect(slots(["（三）不予公开", "2.其他法律行政法规禁止公开", "", "", ""], true)).toEqual([
      "（三）不予公开",
      "2.其他法律行政法规禁止公开",
      "",
      "",
      "",
    ]);
    expect(slots(["", "（六）其他处理", "", ""], true)).toEqual(["（六）其他处理", "", ""]);
  });

  it("are padding as before in text lines, and in table rows of headers or prose", () => {
    expect(slots(["（二）部分公开", "3", "", ""])).toEqual(["（二）部分公开", "3"]);
    expect(slots(["信息内容", "", "本年制发件数"], true)).toEqual(["信息内容", "本年制发件数"]);
    expect(slots(["规章", "0", "", "共 3 件"], true)).toEqual(["规章", "0", "", "共 3 件"]);
    expect(slots(["", "", ""], true)).toBeUndefined();
  });

  describe.each(["gov-2021", "gov-2019"] as const)("%s: a <table> row blank after its first figure", (layoutId) => {
    const layout = getLayout(layoutId);
    const grid = compileLayout(layout).grid("t3");
    const row = grid.rows.find((r) => r.id === "r3_2");
    const blanks: CellId[] = row
      ? grid
          .rowCells(row.id)
          .slice(1)
          .map((c) => c.id)
      : [];

    it("reads its one figure and reports each blank under its own column", () => {
      const sample = sampleReport(layoutId as LayoutId);
      const cells = { ...sample.cells };
      for (const id of blanks) delete cells[id];
      const data = { ...sample, cells };
      const reading = readReportHtml(writeReportHtmlTable(layout, data));
      expect(blanks).toHaveLength(6);
      expect(reading.data.cells).toEqual(cells);
      expect(reading.problems.filter((p) => p.code === "row.values")).toEqual([]);
      expect(reading.problems.filter((p) => p.code === "cell.blank").map((p) => p.place)).toEqual(blanks);
    });
  });
});

describe("a title with the year first", () => {
  const title = (text: string) => findTitle(prepareLines([{ cells: [text] }]), 1);

  it("names the body printed between the year and 政府信息公开工作年度报告", () => {
    expect(title("2019年上海市人民政府办公厅政府信息公开工作年度报告")).toMatchObject({
      organizationName: "上海市人民政府办公厅",
      year: 2019,
    });
    expect(title("2023年度某某街道办事处政府信息公开工作年度报告")?.organizationName).toBe("某某街道办事处");
  });

  it("takes no sentence for a name", () => {
    expect(title("2023年，我镇按时编制政府信息公开工作年度报告")).toBeUndefined();
  });
});
