import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { seeds } from "@/fixtures";
import { getLayout, layoutIds, compileLayout } from "@/lib/template";
import { CSV_COLUMNS, renderReportCsv } from "./csv";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toReportView } from "./to-report-view";

const options = { organizationName: "董封乡人民政府", year: 2023 };

function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  expect(result.meta.fields).toEqual([...CSV_COLUMNS]);
  return result.data;
}

describe.each(layoutIds)("renderReportCsv with layout %s", (layoutId) => {
  const layout = getLayout(layoutId);
  const data = sampleReportData(layout, { missing: ["t3.r1.natural"] });
  const rows = parse(renderReportCsv(toReportView(layout, data, options)));

  it("has one line per cell, in template order", () => {
    expect(rows.map((r) => r.cell_id)).toEqual(compileLayout(layout).cells.map((c) => c.id));
  });

  it("writes figures, empty for missing", () => {
    for (const row of rows) {
      const value = data.cells[row.cell_id ?? ""];
      expect(row.value).toBe(value === null || value === undefined ? "" : String(value));
    }
  });

  it("uses the template's labels", () => {
    const byId = new Map(rows.map((r) => [r.cell_id, r]));
    expect(byId.get("t3.r3_3_1.business")).toMatchObject({
      table: "三、收到和处理政府信息公开申请情况",
      row_label: "三、本年度办理结果·（三）不予公开·1.属于国家秘密",
      column_label: "申请人情况·法人或其他组织·商业企业",
    });
    expect(byId.get("t2.rules.total") ?? byId.get("t2.rules.inForce")).toMatchObject({
      row_label: "第二十条第（一）项·规章",
    });
    expect(byId.get("t4.suitDirect.total")).toMatchObject({
      row_label: "",
      column_label: "行政诉讼·未经复议直接起诉·总计",
    });
  });

  it("accepts a layout with data and options instead of a view", () => {
    expect(renderReportCsv(layout, data, options)).toBe(renderReportCsv(toReportView(layout, data, options)));
  });
});

describe("renderReportCsv with seeds", () => {
  it.each(seeds.map((s) => [s.id, s] as const))("%s: every cell, CRLF lines", (_id, seed) => {
    const layout = getLayout(seed.layoutId);
    const csv = renderReportCsv(layout, seed.data, {
      organizationName: seed.organization.name,
      year: seed.data.meta.year,
    });
    expect(csv.split("\r\n")).toHaveLength(compileLayout(layout).cells.length + 1);
    expect(parse(csv)).toHaveLength(compileLayout(layout).cells.length);
  });

  it("writes money without exponent or float noise", () => {
    const layout = getLayout("gov-2019");
    const data = { ...sampleReportData(layout), cells: { "t2.procurement.amount": 0.0001, "t2.fees.change": -3 } };
    const rows = parse(renderReportCsv(layout, data, options));
    expect(rows.find((r) => r.cell_id === "t2.procurement.amount")?.value).toBe("0.0001");
    expect(rows.find((r) => r.cell_id === "t2.fees.change")?.value).toBe("-3");
  });
});
