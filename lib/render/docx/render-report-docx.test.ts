import { load } from "cheerio";
import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { seeds } from "@/fixtures";
import { getLayout } from "@/lib/template";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toReportView } from "../to-report-view";
import type { ReportView, ValueCellView } from "../to-report-view";
import { renderReportDocx } from "./render-report-docx";
import { seedReportView } from "@/lib/render/testing/seed-report-view";

/** Read the DOCX back with mammoth (which maps gridSpan/vMerge to colspan/rowspan). */
async function readBack(docx: Buffer): Promise<ReturnType<typeof load>> {
  const { value } = await mammoth.convertToHtml({ buffer: docx });
  return load(value);
}

function grids(view: ReportView) {
  return view.sections.flatMap((s) => (s.kind === "table" ? [...s.grids] : []));
}

describe.each(seeds.map((s) => [s.id, s] as const))("renderReportDocx with %s", (_id, seed) => {
  const view = seedReportView(seed, { documentDate: "2024-01-25" });

  it("writes headings, every paragraph and one table per grid with merged cells", async () => {
    const docx = await renderReportDocx(view);
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    const $ = await readBack(docx);
    expect(
      $("h1")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(view.sections.map((s) => s.heading));
    const text = $.root().text();
    for (const p of view.preamble.paragraphs) expect(text).toContain(p);
    for (const s of view.sections) {
      if (s.kind !== "narrative") continue;
      for (const p of [...s.paragraphs, ...s.parts.flatMap((part) => part.paragraphs)]) expect(text).toContain(p);
    }
    const tables = $("table");
    expect(tables.length).toBe(grids(view).length);
    grids(view).forEach((grid, i) => {
      const table = tables.eq(i);
      const headerRows = grid.headerRows.length + (grid.title === null ? 0 : 1);
      const rows = table.find("tr");
      expect(rows.length).toBe(headerRows + grid.bodyRows.length);
      grid.bodyRows.forEach((row, r) => {
        const values = row.cells.filter((c): c is ValueCellView => c.kind === "value").map((c) => c.text);
        const cells = rows
          .eq(headerRows + r)
          .find("td, th")
          .map((_, el) => $(el).text())
          .get();
        expect(cells.slice(-values.length), `${grid.id}.${row.id}`).toEqual(values);
      });
      // Spans survive the round trip.
      for (const [r, row] of grid.headerRows.entries()) {
        const spans = rows
          .eq(r + (grid.title === null ? 0 : 1))
          .find("td, th")
          .map((_, el) => Number($(el).attr("colspan") ?? 1))
          .get();
        expect(spans).toEqual(row.map((c) => c.colSpan));
      }
    });
    const group = $("td, th").filter((_, el) => $(el).text() === "三、本年度办理结果");
    expect(group.attr("rowspan")).toBe(seed.layoutId === "gov-2021" ? "22" : "20");
  });
});

describe("renderReportDocx text safety", () => {
  it("survives characters XML cannot carry and markup", async () => {
    const layout = getLayout("gov-2021");
    const view = toReportView(
      layout,
      sampleReportData(layout, { narrative: { s6: "<w:p>标记</w:p>\u0001控制\uFFFF字符𠀀😀\u202E倒" } }),
      { organizationName: "测试乡", year: 2023, correctionNote: "更正", version: 2 },
    );
    const $ = await readBack(await renderReportDocx(view));
    expect($.root().text()).toContain("<w:p>标记</w:p>控制字符𠀀😀\u202E倒");
    expect($.root().text()).toContain("更正说明（第2版）");
  });
});

describe("renderReportDocx for Word and WPS", () => {
  const seed = seeds[0]!;
  const view = seedReportView(seed, { documentDate: "2024-01-25" });

  async function parts() {
    const files = unzipSync(new Uint8Array(await renderReportDocx(view)));
    return {
      document: strFromU8(files["word/document.xml"]!),
      styles: strFromU8(files["word/styles.xml"]!),
      settings: strFromU8(files["word/settings.xml"]!),
      footers: Object.keys(files)
        .filter((name) => /^word\/footer\d+\.xml$/.test(name))
        .map((name) => strFromU8(files[name]!)),
    };
  }

  it("sets every table's grid: one gridCol per column, filling the 156 mm text block", async () => {
    const { document } = await parts();
    const tables = [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    expect(tables).toHaveLength(grids(view).length);
    tables.forEach((table, i) => {
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      const columns = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(columns).toHaveLength(grids(view)[i]!.columnCount);
      const total = columns.reduce((a, b) => a + b, 0);
      expect(Math.abs(total - (156 / 25.4) * 1440)).toBeLessThan(20);
    });
  });

  it("names the four faces of an official document", async () => {
    const { document, styles } = await parts();
    for (const face of ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"])
      expect(document + styles, face).toContain(`w:eastAsia="${face}"`);
  });

  it("signs with the 成文日期 and numbers odd pages at the right, even pages at the left", async () => {
    const { document, settings, footers } = await parts();
    expect(document).toContain("2024年1月25日");
    expect(document).not.toContain("2024年1月26日");
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    expect(footers.some((footer) => footer.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((footer) => footer.includes('<w:jc w:val="left"/>'))).toBe(true);
  });
});
