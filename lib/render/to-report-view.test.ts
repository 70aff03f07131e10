import { describe, expect, it } from "vitest";
import { getLayout, layoutIds, compileLayout } from "@/lib/template";
import type { HeaderNode, Layout } from "@/lib/template";
import { seeds } from "@/fixtures";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toGridSlots } from "./to-grid-slots";
import { splitParagraphs, toReportView } from "./to-report-view";
import type { GridView, HeaderCellView, ReportView, TableSectionView, ValueCellView } from "./to-report-view";

const options = { organizationName: "董封乡人民政府", year: 2023 };

function tables(view: ReportView): TableSectionView[] {
  return view.sections.filter((s): s is TableSectionView => s.kind === "table");
}

function grids(view: ReportView): GridView[] {
  return tables(view).flatMap((t) => [...t.grids]);
}

function valueCells(grid: GridView): ValueCellView[] {
  return grid.bodyRows.flatMap((r) => r.cells.filter((c): c is ValueCellView => c.kind === "value"));
}

/** The view's value cells, checked to be the layout's cells, each exactly once. */
function everyValueCell(view: ReportView, layout: Layout): ValueCellView[] {
  const seen = grids(view).flatMap(valueCells);
  const expected = compileLayout(layout).cells.map((c) => c.id);
  expect(seen.map((c) => c.cellId).sort()).toEqual(expected.sort());
  return seen;
}

function headerCells(grid: GridView): HeaderCellView[] {
  return [...grid.headerRows.flat(), ...grid.bodyRows.flatMap((r) => r.cells.filter((c) => c.kind === "header"))];
}

function allLabels(nodes: readonly HeaderNode[]): string[] {
  return nodes.flatMap((n) => [n.label, ...allLabels(n.children ?? [])]);
}

function findGrid(view: ReportView, id: string): GridView {
  const grid = grids(view).find((g) => g.id === id);
  if (!grid) throw new Error(`no grid ${id}`);
  return grid;
}

describe.each(layoutIds)("toReportView with layout %s", (layoutId) => {
  const layout: Layout = getLayout(layoutId);
  const data = sampleReportData(layout);
  const view = toReportView(layout, data, options);

  it("lists every layout cell exactly once, with its value", () => {
    const seen = everyValueCell(view, layout);
    for (const cell of seen) expect(cell.value).toBe(data.cells[cell.cellId]);
  });

  it("tiles every grid exactly: spans add up to the width on every row", () => {
    for (const grid of grids(view)) {
      const { slots, conflicts } = toGridSlots(grid);
      expect(conflicts, grid.id).toEqual([]);
      slots.forEach((line, r) => {
        expect(
          line.every((slot) => slot !== null),
          `${grid.id} row ${r} has a gap`,
        ).toBe(true);
      });
      expect(slots.length).toBe(grid.headerRows.length + grid.bodyRows.length);
    }
  });

  it("prints the template's labels, each header once", () => {
    for (const section of layout.sections) {
      if (section.kind !== "table") continue;
      for (const grid of section.grids) {
        const gridView = findGrid(view, grid.id);
        const printed = headerCells(gridView).map((c) => c.text);
        const expected = [
          ...(gridView.stubColumnCount > 0 ? [grid.stubHeader ?? ""] : []),
          ...allLabels(grid.columns),
          ...(gridView.stubColumnCount > 0 ? allLabels(grid.rows) : []),
        ];
        expect(printed.sort()).toEqual(expected.sort());
        expect(gridView.title).toBe(grid.title ?? null);
      }
    }
  });

  it("keeps sections in template order with their headings", () => {
    expect(view.sections.map((s) => s.heading)).toEqual(layout.sections.map((s) => s.heading));
    expect(view.title).toBe("董封乡人民政府2023年政府信息公开工作年度报告");
    expect(view.titleLines).toEqual(["董封乡人民政府", "2023年政府信息公开工作年度报告"]);
    expect(view.layoutId).toBe(layout.id);
    expect(view.layoutVersion).toBe(layout.version);
  });

  it("gives every value cell headers that exist in its grid", () => {
    for (const grid of grids(view)) {
      const keys = new Set(headerCells(grid).map((c) => c.key));
      for (const cell of valueCells(grid)) {
        expect(cell.headerKeys.length).toBeGreaterThan(0);
        for (const key of cell.headerKeys) expect(keys.has(key), `${cell.cellId} → ${key}`).toBe(true);
      }
    }
  });

  it("table 三 draws three levels of row labels with row spans", () => {
    const t3 = findGrid(view, "t3");
    expect(t3.stubColumnCount).toBe(3);
    expect(t3.headerRows.length).toBe(3);
    expect(t3.columnCount).toBe(10);
    const row = (id: string) => t3.bodyRows.find((r) => r.id === id)?.cells.filter((c) => c.kind === "header") ?? [];
    expect(row("r1").map((c) => [c.text, c.colSpan, c.rowSpan])).toEqual([["一、本年新收政府信息公开申请数量", 3, 1]]);
    const leavesUnderR3 = layout.id === "gov-2021" ? 22 : 20;
    expect(row("r3_1").map((c) => [c.text, c.colSpan, c.rowSpan, c.scope])).toEqual([
      ["三、本年度办理结果", 1, leavesUnderR3, "rowgroup"],
      ["（一）予以公开", 2, 1, "row"],
    ]);
    expect(row("r3_3_1").map((c) => [c.text, c.colSpan, c.rowSpan, c.scope])).toEqual([
      ["（三）不予公开", 1, 8, "rowgroup"],
      ["1.属于国家秘密", 1, 1, "row"],
    ]);
    expect(row("r3_3_2").map((c) => c.text)).toEqual(["2.其他法律行政法规禁止公开"]);
    const stub = t3.headerRows[0]?.[0];
    expect(stub?.text).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect([stub?.colSpan, stub?.rowSpan]).toEqual([3, 3]);
    expect(t3.headerRows.map((r) => r.map((c) => c.text))).toEqual([
      ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
      ["自然人", "法人或其他组织", "总计"],
      ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ]);
    const total = valueCells(t3).find((c) => c.cellId === "t3.r3_7.total");
    expect(total?.isComputed).toBe(true);
    expect(total?.headerKeys).toEqual(["col:applicant", "col:total", "row:r3", "row:r3_7"]);
  });

  it("table 四 is one unlabelled row under a three-level header", () => {
    const t4 = findGrid(view, "t4");
    expect(t4.stubColumnCount).toBe(0);
    expect(t4.columnCount).toBe(15);
    expect(t4.headerRows.map((r) => r.map((c) => `${c.text}:${c.colSpan}x${c.rowSpan}`))).toEqual([
      ["行政复议:5x1", "行政诉讼:10x1"],
      [
        "结果维持:1x2",
        "结果纠正:1x2",
        "其他结果:1x2",
        "尚未审结:1x2",
        "总计:1x2",
        "未经复议直接起诉:5x1",
        "复议后起诉:5x1",
      ],
      Array.from({ length: 2 }, () => [
        "结果维持:1x1",
        "结果纠正:1x1",
        "其他结果:1x1",
        "尚未审结:1x1",
        "总计:1x1",
      ]).flat(),
    ]);
    expect(t4.caption).toBe("四、政府信息公开行政复议、行政诉讼情况");
  });
});

describe("toReportView values and text", () => {
  const layout = getLayout("gov-2019");

  it("prints missing figures as — with a null value, never 0", () => {
    const data = sampleReportData(layout, { missing: ["t3.r1.natural", "t2.item9.amount", "t2.procurement.amount"] });
    const view = toReportView(layout, data, options);
    const cell = grids(view)
      .flatMap(valueCells)
      .find((c) => c.cellId === "t3.r1.natural");
    expect(cell).toMatchObject({ text: "—", value: null });
  });

  it("prints money with the precision its label fixes and counts as integers", () => {
    const data = {
      ...sampleReportData(layout),
      cells: {
        ...sampleReportData(layout).cells,
        "t2.procurement.amount": 12.5,
        "t2.fees.change": -3,
        "t3.r1.total": 3470,
      },
    };
    const cells = grids(toReportView(layout, data, options)).flatMap(valueCells);
    const text = (id: string) => cells.find((c) => c.cellId === id)?.text;
    expect(text("t2.procurement.amount")).toBe("12.5000");
    expect(text("t2.fees.change")).toBe("-3");
    expect(text("t3.r1.total")).toBe("3470");
    const fees2021 = toReportView(
      getLayout("gov-2021"),
      { ...sampleReportData(getLayout("gov-2021")), cells: { "t2.fees.amount": 0.25 } },
      options,
    );
    expect(
      grids(fees2021)
        .flatMap(valueCells)
        .find((c) => c.cellId === "t2.fees.amount")?.text,
    ).toBe("0.25");
  });

  it("splits narrative into paragraphs and keeps sub-parts under their headings", () => {
    const gov2021 = getLayout("gov-2021");
    const view = toReportView(
      gov2021,
      sampleReportData(gov2021, {
        narrative: { "s1.active": "　　第一段。\r\n\n  第二段<script>alert(1)</script>  \n", s6: "" },
      }),
      options,
    );
    const s1 = view.sections[0];
    if (s1?.kind !== "narrative") throw new Error("s1 should be narrative");
    expect(s1.parts.map((p) => p.heading)).toEqual([
      "（一）主动公开",
      "（二）依申请公开",
      "（三）政府信息管理",
      "（四）政府信息公开平台建设",
      "（五）监督保障",
    ]);
    expect(s1.parts[0]?.paragraphs).toEqual(["第一段。", "第二段<script>alert(1)</script>"]);
    const s6 = view.sections.find((s) => s.id === "s6");
    expect(s6?.kind === "narrative" && s6.paragraphs).toEqual([]);
  });

  it("carries publication date, version and correction note", () => {
    const view = toReportView(layout, sampleReportData(layout), {
      ...options,
      publishedAt: new Date("2024-01-25T17:30:00Z"),
      version: 2,
      correctionNote: "更正表三第一行数据。",
    });
    expect(view.publishedAt).toBe("2024-01-25T17:30:00.000Z");
    expect(view.publishedDateText).toBe("2024年1月26日");
    expect(view.correction).toEqual({ version: 2, paragraphs: ["更正表三第一行数据。"] });
    expect(toReportView(layout, sampleReportData(layout), options).correction).toBeNull();
  });

  it("is plain serializable data", () => {
    const view = toReportView(layout, sampleReportData(layout), { ...options, publishedAt: "2024-01-26" });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it("splitParagraphs drops blank lines and indents only", () => {
    expect(splitParagraphs("a\u2028b\n\u3000\u3000\nc ")).toEqual(["a", "b", "c"]);
    expect(splitParagraphs(undefined)).toEqual([]);
  });
});

describe.each(seeds.map((s) => [s.id, s] as const))("toReportView with %s", (_id, seed) => {
  const layout = getLayout(seed.layoutId);
  const view = toReportView(layout, seed.data, { organizationName: seed.organization.name, year: seed.data.meta.year });

  it("lists every layout cell exactly once; absent figures print as —", () => {
    const seen = everyValueCell(view, layout);
    for (const cell of seen) {
      const raw = seed.data.cells[cell.cellId];
      expect(cell.value).toBe(raw ?? null);
      if (raw === null || raw === undefined) expect(cell.text).toBe("—");
      else expect(Number(cell.text)).toBe(raw);
    }
  });

  it("tiles every grid exactly", () => {
    for (const grid of grids(view)) {
      const { slots, conflicts } = toGridSlots(grid);
      expect(conflicts).toEqual([]);
      for (const line of slots) expect(line.every((s) => s !== null)).toBe(true);
    }
  });

  it("keeps every narrative character, paragraph by paragraph", () => {
    const printed = [
      ...view.preamble.paragraphs,
      ...view.sections.flatMap((s) =>
        s.kind === "narrative" ? [...s.paragraphs, ...s.parts.flatMap((p) => p.paragraphs)] : [],
      ),
    ].join("");
    const source = Object.values(seed.data.narrative)
      .join("")
      .replace(/[\s\u3000]/g, "");
    expect(printed.replace(/[\s\u3000]/g, "")).toHaveLength(source.length);
    expect(view.title).toBe(`${seed.organization.name}${seed.data.meta.year}年政府信息公开工作年度报告`);
  });
});
