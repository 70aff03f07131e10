/**
 * The trends pages' data against a real PostgreSQL: the public side counts only published
 * figures (Publication.data, frozen), the review side approved and published reports, a
 * county the sum of its units, and an organization out of reach or with nothing published
 * is not found. Reports and publications are written directly: what is read is under test,
 * not how it was published (serve-publication.test.ts and review-workflow.test.ts do that).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { toStoredReportData, type ReportData } from "@/lib/report-data";
import { compileLayout, layoutForYear } from "@/lib/template";
import { failureOf, setUpReviewDatabase } from "./testing/review-database";

const m = setUpReviewDatabase("nianbao_trends", async () => ({
  publicTrends: await import("@/lib/publications/get-public-trends"),
  reviewTrends: await import("./get-review-trends"),
  comparison: await import("./get-last-year-comparison"),
}));

type Status = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED";

const ids: Record<string, string> = {};

async function organizationId(name: string): Promise<string> {
  return (await m.db.organization.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
}

/** A report of `received` requests, with a publication of `publishedReceived` when given. */
async function createReport(name: string, year: number, status: Status, received: number, publishedReceived?: number) {
  const layout = layoutForYear(year)!;
  const compiled = compileLayout(layout);
  // cleanReportData fills a few gov-2021 table 二 cells whatever the year: keep the layout's own.
  const ownCells = (data: ReportData): ReportData => ({
    ...data,
    cells: Object.fromEntries(Object.entries(data.cells).filter(([id]) => compiled.cell(id) !== undefined)),
  });
  const stored = (value: number) =>
    toStoredReportData(
      ownCells(
        m.steps.cleanReportData(name, year, {
          "t3.r1.natural": value,
          "t3.r1.total": value,
          "t3.r3_1.natural": value - 25,
          "t3.r3_1.total": value - 25,
          "t3.r3_7.natural": value,
          "t3.r3_7.total": value,
        }),
      ),
    );
  const report = await m.db.report.create({
    data: {
      organizationId: await organizationId(name),
      year,
      templateId: layout.id,
      templateVersion: layout.version,
      status,
      data: stored(received),
    },
    select: { id: true },
  });
  if (publishedReceived !== undefined) {
    await m.db.publication.create({
      data: {
        reportId: report.id,
        sequence: 1,
        templateId: layout.id,
        templateVersion: layout.version,
        data: stored(publishedReceived),
        html: "<main></main>",
        pdf: Buffer.from("%PDF-1.7"),
        pdfSha256: "0".repeat(64),
      },
    });
  }
  return report.id;
}

const received = (trend: {
  view: { charts: readonly { series: readonly { key: string; values: readonly (number | null)[] }[] }[] };
}) => trend.view.charts.flatMap((chart) => chart.series).find((series) => series.key === "requests.received")?.values;

beforeAll(async () => {
  ids.dongfeng = await organizationId("董封乡人民政府");
  ids.fengcheng = await organizationId("凤城镇人民政府");
  ids.baisang = await organizationId("白桑乡人民政府");
  ids.yangcheng = await organizationId("阳城县");
  // 董封乡: 2020 published (gov-2019), 2021 reopened for a correction (the public keeps its
  // publication: 40, not the 41 being corrected), 2022 approved, 2023 submitted, 2024 a draft.
  await createReport("董封乡人民政府", 2020, "PUBLISHED", 30, 30);
  await createReport("董封乡人民政府", 2021, "RETURNED", 41, 40);
  await createReport("董封乡人民政府", 2022, "APPROVED", 50);
  await createReport("董封乡人民政府", 2023, "SUBMITTED", 60);
  ids.dongfeng2024 = await createReport("董封乡人民政府", 2024, "DRAFT", 70);
  // 凤城镇: 2022 published; 白桑乡: only a draft.
  await createReport("凤城镇人民政府", 2022, "PUBLISHED", 100, 100);
  await createReport("白桑乡人民政府", 2022, "DRAFT", 999);
}, 120_000);

describe("public trends", () => {
  it("count only published figures, across layouts, a reopened report by its publication", async () => {
    const trend = await m.publicTrends.getPublicTrends(ids.dongfeng!);
    expect(trend.view.years).toEqual([2020, 2021]);
    expect(received(trend)).toEqual([30, 40]);
    expect(trend.reports.map((report) => report.year)).toEqual([2020, 2021]);
  });

  it("add up a county's units, published only", async () => {
    const trend = await m.publicTrends.getPublicTrends(ids.yangcheng!);
    expect(trend.organization.isCounty).toBe(true);
    expect(trend.view.years).toEqual([2020, 2021, 2022]);
    expect(received(trend)).toEqual([30, 40, 100]);
    expect(trend.view.reportCounts).toEqual([1, 1, 1]);
  });

  it("are not found for an organization with nothing published, an unknown id or a malformed one", async () => {
    for (const id of [ids.baisang!, "00000000-0000-4000-8000-000000000000", "nope"]) {
      expect((await failureOf(m.publicTrends.getPublicTrends(id))).code).toBe("NOT_FOUND");
    }
  });
});

describe("review trends", () => {
  it("count approved and published reports, not submitted or drafts", async () => {
    const reviewer = await m.steps.actorFor("yangcheng-review");
    const trend = await m.reviewTrends.getReviewTrends(reviewer, ids.dongfeng!);
    expect(trend.view.years).toEqual([2020, 2021, 2022]);
    expect(received(trend)).toEqual([30, 40, 50]);
    const county = await m.reviewTrends.getReviewTrends(reviewer, ids.yangcheng!);
    expect(received(county)).toEqual([30, 40, 150]);
  });

  it("are not found for another county's reviewer or a clerk", async () => {
    for (const username of ["yanchi-review", "dongfeng"]) {
      const actor = await m.steps.actorFor(username);
      expect((await failureOf(m.reviewTrends.getReviewTrends(actor, ids.dongfeng!))).code).toBe("NOT_FOUND");
    }
  });
});

describe("与上年对比", () => {
  it("sets a report beside last year's reviewed report, and has none when last year was not reviewed", async () => {
    const reviewer = await m.steps.actorFor("yangcheng-review");
    const draft2024 = await m.comparison.getLastYearComparison(reviewer, ids.dongfeng2024!);
    // 2023 is only submitted: nothing to compare with.
    expect(draft2024).toMatchObject({ year: 2023, comparison: null });
    const report2022 = await m.db.report.findFirstOrThrow({ where: { organizationId: ids.dongfeng!, year: 2022 } });
    const against2021 = await m.comparison.getLastYearComparison(reviewer, report2022.id);
    const row = against2021.comparison!.tables.flatMap((table) => table.rows).find((r) => r.id === "t3.r1.total");
    // Last year's publication (40), not the correction in progress (41).
    expect(row).toMatchObject({ previous: 40, current: 50, difference: 10, isChanged: true, isLarge: false });
    const other = await m.steps.actorFor("yanchi-review");
    expect((await failureOf(m.comparison.getLastYearComparison(other, report2022.id))).code).toBe("NOT_FOUND");
  });
});
