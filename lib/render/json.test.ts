import { describe, expect, it } from "vitest";
import { seeds } from "@/fixtures";
import { getLayout, compileLayout } from "@/lib/template";
import { renderReportJson, toReportJson } from "./json";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toReportView } from "./to-report-view";

describe.each(seeds.map((s) => [s.id, s] as const))("renderReportJson with %s", (_id, seed) => {
  const layout = getLayout(seed.layoutId);
  const view = toReportView(layout, seed.data, {
    organizationName: seed.organization.name,
    year: seed.data.meta.year,
    publishedAt: "2024-01-26T02:00:00.000Z",
    version: 1,
  });
  const json = renderReportJson(view);
  const parsed: unknown = JSON.parse(json);

  it("has the fields in a fixed order", () => {
    expect(Object.keys(parsed as object)).toEqual([
      "layout",
      "layoutVersion",
      "organization",
      "year",
      "title",
      "cells",
      "narrative",
      "publishedAt",
      "documentDate",
      "version",
      "correctionNote",
    ]);
    expect(parsed).toMatchObject({
      layout: layout.id,
      layoutVersion: layout.version,
      organization: seed.organization.name,
      year: seed.data.meta.year,
      publishedAt: "2024-01-26T02:00:00.000Z",
      version: 1,
      correctionNote: null,
    });
  });

  it("lists every cell in template order, null when missing", () => {
    const report = toReportJson(view);
    expect(Object.keys(report.cells)).toEqual(compileLayout(layout).cells.map((c) => c.id));
    for (const [id, value] of Object.entries(report.cells)) expect(value).toBe(seed.data.cells[id] ?? null);
  });

  it("lists every narrative field in template order", () => {
    const report = toReportJson(view);
    expect(Object.keys(report.narrative)).toEqual(compileLayout(layout).narrativeFields.map((f) => f.id));
  });

  it("is byte-stable", () => {
    expect(
      renderReportJson(
        toReportView(layout, seed.data, {
          organizationName: seed.organization.name,
          year: seed.data.meta.year,
          publishedAt: "2024-01-26T02:00:00.000Z",
          version: 1,
        }),
      ),
    ).toBe(json);
    expect(json.endsWith("}\n")).toBe(true);
  });
});

describe("renderReportJson text", () => {
  it("keeps narrative text as paragraphs joined by newlines and the correction note", () => {
    const layout = getLayout("gov-2019");
    const view = toReportView(layout, sampleReportData(layout, { narrative: { s5: "　　第一段<b>\n\n第二段" } }), {
      organizationName: "乡",
      year: 2020,
      correctionNote: "更正",
      version: 2,
    });
    const report = toReportJson(view);
    expect(report.narrative.s5).toBe("第一段<b>\n第二段");
    expect(report.correctionNote).toBe("更正");
  });
});
