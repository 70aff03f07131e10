import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { seed000 } from "../fixtures/seeds/seed-000";
import { expect, pageAs, test } from "./support/fixtures";
import { clerkSteps } from "./support/clerk-steps";
import { publishFromReview } from "./support/publish-steps";
import { withDatabase } from "./wizard-helpers";

// A unit's trend across three years: 董封乡's 2023 report is the seed file the demo data
// imported and published (fixtures/seeds/seed-000.ts transcribes it), its 2022 and 2024
// reports are authored here by its clerk and published by the county reviewer. The public
// trend counts only what is published; the reviewer's counts only what was reviewed. No
// other spec touches 董封乡's 2022 or 2024 report.
const clerk = "dongfeng";
const organizationName = "董封乡人民政府";

/** A report that passes every rule, with `received` requests (all disclosed or 无法提供) and `upheld` 复议. */
function figures(received: number, upheld: number): Record<string, number> {
  return {
    "t3.r1.natural": received,
    "t3.r1.total": received,
    "t3.r3_1.natural": received - 25,
    "t3.r3_1.total": received - 25,
    "t3.r3_7.natural": received,
    "t3.r3_7.total": received,
    "t4.review.upheld": upheld,
    "t4.review.total": upheld,
  };
}

async function authorAndSubmit(year: number, cells: Record<string, number>): Promise<string> {
  const { reportId } = await clerkSteps.start(clerk, year);
  await clerkSteps.fill(clerk, reportId, { organizationName, year, cells });
  await clerkSteps.submit(clerk, reportId);
  return reportId;
}

/** The data table of one chart, as {year: [cells…]} (the first column is the year). */
async function tableRows(page: Page, chartId: string): Promise<Record<string, string[]>> {
  const table = page.getByTestId(`trend-table-${chartId}`);
  await expect(table).toBeVisible();
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim() ?? "")),
    );
  return Object.fromEntries(rows.map(([year, ...cells]) => [year!, cells]));
}

async function columnIndex(page: Page, chartId: string, label: string): Promise<number> {
  const headers = await page
    .getByTestId(`trend-table-${chartId}`)
    .locator("thead th")
    .evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ""));
  const index = headers.indexOf(label);
  expect(index, `column ${label} in ${headers.join(" | ")}`).toBeGreaterThan(0);
  return index - 1;
}

/** axe's WCAG 2.1 A/AA rules, as public-a11y.spec runs them. */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${page.url()} ${violation.id}: ${violation.nodes.length}`)).toEqual([]);
}

async function anonymous(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("a unit's trend shows its seed year and two authored years, public once published", async ({ browser }) => {
  // Two publications rendered (PDF) on a machine shared with other work.
  test.setTimeout(240_000);
  const { organizationId, otherCountyUnitId } = await withDatabase(async (db) => ({
    organizationId: (await db.organization.findFirstOrThrow({ where: { name: organizationName } })).id,
    otherCountyUnitId: (await db.organization.findFirstOrThrow({ where: { name: "盐池县王乐井乡人民政府" } })).id,
  }));

  // 2022: authored and published through the review page.
  const report2022 = await authorAndSubmit(2022, figures(35, 3));
  const reviewer = await pageAs(browser, "yangcheng-review");
  await reviewer.goto(`/review/reports/${report2022}`);
  await publishFromReview(reviewer);

  // 2024: authored and submitted; the review page sets it beside 2023 (the seed).
  const report2024 = await authorAndSubmit(2024, figures(48, 7));
  await reviewer.goto(`/review/reports/${report2024}`);
  const comparison = reviewer.getByTestId("year-comparison");
  await expect(comparison.getByRole("heading", { name: "与上年对比" })).toBeVisible();
  await expect(comparison.getByTestId("year-comparison-summary")).toContainText("与 2023 年度相比");
  const received = comparison.getByRole("table", { name: "有变化的数字" }).locator('[data-cell-id="t3.r1.total"]');
  await expect(received).toContainText(`${seed000.data.cells["t3.r1.total"]}`);
  await expect(received).toContainText("48");
  await expect(received).toContainText("变化较大");

  // Not yet published: the public trend has 2022 and the seed's 2023, nothing of 2024.
  const visitor = await anonymous(browser);
  await visitor.goto("/");
  const row = visitor.getByTestId("publications").getByRole("row").filter({ hasText: organizationName }).first();
  await row.getByRole("link", { name: "趋势" }).click();
  await expect(visitor).toHaveURL(`/trends/${organizationId}`);
  await expect(visitor.getByTestId("trends-title")).toContainText(organizationName);
  let requests = await tableRows(visitor, "requests");
  expect(Object.keys(requests)).toEqual(["2022年", "2023年"]);

  // Published, the three years are in the chart and its table.
  await reviewer.goto(`/review/reports/${report2024}`);
  await publishFromReview(reviewer);
  await visitor.reload();
  requests = await tableRows(visitor, "requests");
  expect(Object.keys(requests)).toEqual(["2022年", "2023年", "2024年"]);
  const receivedColumn = await columnIndex(visitor, "requests", "本年新收申请");
  expect([2022, 2023, 2024].map((year) => requests[`${year}年`]![receivedColumn])).toEqual([
    "35",
    String(seed000.data.cells["t3.r1.total"]),
    "48",
  ]);
  // The seed has no table 四: its year shows no figure there, not 0.
  const reviews = await tableRows(visitor, "reviews");
  const upheldColumn = await columnIndex(visitor, "reviews", "结果维持");
  expect([2022, 2023, 2024].map((year) => reviews[`${year}年`]![upheldColumn])).toEqual(["3", "—", "7"]);
  // The chart is an SVG drawn on the server, with the three years on its axis.
  const chart = visitor.getByTestId("trend-requests").locator(".trend__svg--wide svg");
  await expect(chart).toBeVisible();
  for (const year of ["2022年", "2023年", "2024年"])
    await expect(chart.locator("text", { hasText: year })).toHaveCount(1);
  await expect(chart.locator("text", { hasText: /^48$/ })).toHaveCount(1);
  await expectNoAxeViolations(visitor);

  // On a phone the narrow drawing is shown instead.
  await visitor.setViewportSize({ width: 375, height: 800 });
  await expect(visitor.getByTestId("trend-requests").locator(".trend__svg--narrow svg")).toBeVisible();
  await expect(chart).toBeHidden();
  await expectNoAxeViolations(visitor);

  // The published report links to the trend.
  await visitor.goto(`/reports/${report2024}`);
  await visitor.getByTestId("trends-link").click();
  await expect(visitor).toHaveURL(`/trends/${organizationId}`);

  // The reviewer's trend: the same three years (each approved and published).
  await reviewer.goto(`/review/reports/${report2024}`);
  await reviewer.getByRole("link", { name: "查看本单位历年主要数据（趋势图）" }).click();
  await expect(reviewer).toHaveURL(`/review/trends/${organizationId}`);
  expect(Object.keys(await tableRows(reviewer, "requests"))).toEqual(["2022年", "2023年", "2024年"]);
  await expectNoAxeViolations(reviewer);

  // Unknown or malformed ids, and another county's unit for the reviewer: 找不到该页面.
  for (const path of ["/trends/00000000-0000-4000-8000-000000000000", "/trends/not-an-id"]) {
    const response = await visitor.goto(path);
    expect(response?.status()).toBe(404);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("找不到该页面");
  }
  const refused = await reviewer.goto(`/review/trends/${otherCountyUnitId}`);
  expect(refused?.status()).toBe(404);
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText("找不到该页面");
  await visitor.context().close();
  await reviewer.context().close();
});
