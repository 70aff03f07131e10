import { describe, expect, it } from "vitest";
import type { ReportData } from "@/lib/report-data";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { getLayout, type Layout } from "@/lib/template";
import { buildTrendView, type TrendView } from "./view-trends";

const gov2019 = getLayout("gov-2019");
const gov2021 = getLayout("gov-2021");

function report(layout: Layout, year: number, cells: Record<string, number | null>): ReportData {
  const base = sampleReportData(layout, { year });
  return { ...base, cells: { ...base.cells, ...cells } };
}

function series(view: TrendView, key: string) {
  const found = view.charts.flatMap((chart) => chart.series).find((s) => s.key === key);
  if (!found) throw new Error(`no series ${key}`);
  return found;
}

describe("buildTrendView", () => {
  const view = buildTrendView([
    {
      year: 2023,
      layout: gov2021,
      data: report(gov2021, 2023, { "t3.r1.total": 40, "t2.rules.issued": 1, "t2.rules.inForce": 9 }),
    },
    {
      year: 2020,
      layout: gov2019,
      data: report(gov2019, 2020, { "t3.r1.total": 12, "t3.r3_6.total": 5, "t2.rules.made": 3 }),
    },
    {
      year: 2021,
      layout: gov2021,
      data: report(gov2021, 2021, {
        "t3.r1.total": 20,
        "t3.r3_6_1.total": 1,
        "t3.r3_6_2.total": 2,
        "t3.r3_6_3.total": 4,
        "t2.rules.issued": 2,
        "t2.rules.inForce": 8,
      }),
    },
  ]);

  it("spans the first to the last year on file, a year without a report included with no values", () => {
    expect(view.years).toEqual([2020, 2021, 2022, 2023]);
    expect(view.reportCounts).toEqual([1, 1, 0, 1]);
    expect(series(view, "requests.received").values).toEqual([12, 20, null, 40]);
  });

  it("joins a figure across layouts by meaning: gov-2019's single （六） row and gov-2021's three sub-rows", () => {
    expect(series(view, "outcomes.other").values).toEqual([5, 7, null, expect.any(Number)]);
  });

  it("joins gov-2019's 本年新制作数量 to gov-2021's 本年制发件数, and has no 现行有效件数 before 2021", () => {
    expect(series(view, "documents.rules.issued").values).toEqual([3, 2, null, 1]);
    expect(series(view, "documents.rules.inForce").values).toEqual([null, 8, null, 9]);
  });

  it("words charts and series as the newest layout does, in its order", () => {
    expect(view.charts.map((chart) => chart.id)).toEqual(["requests", "outcomes", "reviews", "lawsuits", "documents"]);
    expect(view.charts[0]!.title).toBe("政府信息公开申请数量");
    expect(series(view, "documents.normative.issued").label).toBe("规范性文件·本年制发");
  });

  it("adds up both kinds of lawsuit per result", () => {
    const data = report(gov2021, 2022, { "t4.suitDirect.upheld": 2, "t4.suitAfterReview.upheld": 3 });
    const lawsuits = buildTrendView([{ year: 2022, layout: gov2021, data }]);
    expect(series(lawsuits, "lawsuits.upheld").values).toEqual([5]);
  });

  it("adds up the reports of one year (a county's units) and counts them", () => {
    const county = buildTrendView([
      { year: 2022, layout: gov2021, data: report(gov2021, 2022, { "t3.r1.total": 3 }) },
      { year: 2022, layout: gov2021, data: report(gov2021, 2022, { "t3.r1.total": 4 }) },
    ]);
    expect(county.reportCounts).toEqual([2]);
    expect(series(county, "requests.received").values).toEqual([7]);
  });

  it("gives no value, never a partial sum, where a cell is missing", () => {
    const county = buildTrendView([
      { year: 2022, layout: gov2021, data: report(gov2021, 2022, { "t3.r1.total": 3, "t3.r2.total": 1 }) },
      { year: 2022, layout: gov2021, data: report(gov2021, 2022, { "t3.r1.total": null, "t3.r2.total": 2 }) },
    ]);
    expect(series(county, "requests.carriedOver").values).toEqual([3]);
    expect(county.charts[0]!.series.map((s) => s.key)).not.toContain("requests.received");
  });

  it("has no years and no charts with no report on file", () => {
    expect(buildTrendView([])).toEqual({ years: [], reportCounts: [], charts: [] });
  });
});
