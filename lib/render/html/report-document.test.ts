import { load } from "cheerio";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toReportView } from "@/lib/render/to-report-view";
import type { ReportView, ValueCellView } from "@/lib/render/to-report-view";
import { getLayout, layoutIds, compileLayout } from "@/lib/template";
import { ReportDocument } from "./report-document";

function render(view: ReportView): ReturnType<typeof load> {
  return load(renderToStaticMarkup(createElement(ReportDocument, { view })));
}

function valueCells(view: ReportView): ValueCellView[] {
  return view.sections.flatMap((s) =>
    s.kind === "table"
      ? s.grids.flatMap((g) => g.bodyRows.flatMap((r) => r.cells.filter((c): c is ValueCellView => c.kind === "value")))
      : [],
  );
}

describe.each(layoutIds)("<ReportDocument> with layout %s", (layoutId) => {
  const layout = getLayout(layoutId);
  const view = toReportView(layout, sampleReportData(layout, { missing: ["t3.r1.natural"] }), {
    organizationName: "董封乡人民政府",
    year: 2023,
    publishedAt: "2024-01-27",
    documentDate: "2024-01-26",
  });
  const $ = render(view);

  it("uses one h1, an h2 per section and an h3 per sub-part", () => {
    expect($("h1").length).toBe(1);
    expect($("h1").text()).toBe(view.title);
    expect(
      $("h2")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(layout.sections.map((s) => s.heading));
    const parts = layout.sections.flatMap((s) => (s.kind === "narrative" ? s.parts.map((p) => p.heading) : []));
    expect(
      $("h3")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(parts);
  });

  it("marks every cell once with data-cell-id and prints the view text", () => {
    const ids = $("td[data-cell-id]")
      .map((_, el) => $(el).attr("data-cell-id"))
      .get();
    expect(ids.sort()).toEqual(
      compileLayout(layout)
        .cells.map((c) => c.id)
        .sort(),
    );
    for (const cell of valueCells(view)) {
      const td = $(`td[data-cell-id="${cell.cellId}"]`);
      expect(td.find('[aria-hidden="true"]').text() || td.text()).toBe(cell.text);
    }
    expect($('td[data-cell-id="t3.r1.natural"]').attr("data-missing")).toBe("true");
    expect($('td[data-cell-id="t3.r1.natural"]').text()).toBe("—未填写");
  });

  it("builds real tables: caption, thead with col/colgroup, row headers with row/rowgroup", () => {
    $("table").each((_, table) => {
      const t = $(table);
      expect(t.children("caption").text().length).toBeGreaterThan(0);
      expect(t.find("thead th").length).toBeGreaterThan(0);
      t.find("thead th").each((__, th) => expect(["col", "colgroup"]).toContain($(th).attr("scope")));
      t.find("tbody th").each((__, th) => expect(["row", "rowgroup"]).toContain($(th).attr("scope")));
      expect(t.find("tbody td").length).toBeGreaterThan(0);
    });
    const rowgroup = $('th[scope="rowgroup"]').filter((_, el) => $(el).text() === "三、本年度办理结果");
    expect(rowgroup.attr("rowspan")).toBe(layout.id === "gov-2021" ? "22" : "20");
    expect(
      $("th")
        .filter((_, el) => $(el).text() === "行政诉讼")
        .attr("colspan"),
    ).toBe("10");
  });

  it("links each value cell to existing header ids", () => {
    $("td[data-cell-id]").each((_, td) => {
      const headers = ($(td).attr("headers") ?? "").split(" ").filter(Boolean);
      expect(headers.length).toBeGreaterThan(0);
      for (const id of headers) expect($(`[id="${id}"]`).is("th"), id).toBe(true);
    });
    const ids = $("[id]")
      .map((_, el) => $(el).attr("id"))
      .get();
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("wraps each table in a focusable, labelled scroll region", () => {
    $("table").each((_, table) => {
      const wrapper = $(table).parent();
      expect(wrapper.hasClass("rd-table-scroll")).toBe(true);
      expect(wrapper.attr("tabindex")).toBe("0");
      expect(wrapper.attr("role")).toBe("region");
      const label = wrapper.attr("aria-labelledby") ?? "";
      expect($(`[id="${label}"]`).is("caption")).toBe(true);
    });
  });

  it("ends with the signature: organization and 成文日期 (not the publication date)", () => {
    expect($("footer.rd-signature").text()).toBe("董封乡人民政府2024年1月26日");
    expect($("footer time").attr("datetime")).toBe("2024-01-26");
  });
});

describe("<ReportDocument> text safety", () => {
  it("prints hostile text as text", () => {
    const layout = getLayout("gov-2021");
    const hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>&amp;</style>";
    const view = toReportView(layout, sampleReportData(layout, { narrative: { s5: hostile } }), {
      organizationName: "<b>乡</b>",
      year: 2023,
      correctionNote: "<i>更正</i>",
      version: 2,
    });
    const html = renderToStaticMarkup(createElement(ReportDocument, { view }));
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    const $ = load(html);
    expect($("p.rd-paragraph").filter((_, el) => $(el).text() === hostile).length).toBe(1);
    expect($("h1").text()).toBe("<b>乡</b>2023年政府信息公开工作年度报告");
    expect($(".rd-correction").text()).toBe("更正说明（第2版）<i>更正</i>");
  });
});
