import { expect, pageAs, signIn, test } from "./support/fixtures";
import { createSummaryCounty } from "./support/summary-county";
import { cell, createReport, expectSaved, goToStep } from "./wizard-helpers";

// The county summary (全县汇总) in a county of its own (so no other journey's reports count):
// two reviewed units, one not started. The county administrator chooses 全县 for the
// county government's report; the reviewer reads the sums and who is missing; the county
// government's clerk fills the tables from the summary and sees where each figure comes from.
const year = 2025;
const county = "汇总示范县";
const units = { east: "东岭镇人民政府", west: "西岭乡人民政府", south: "南岭镇人民政府" } as const;
const password = "Huizong-e2e-2025!";

test.beforeAll(() =>
  createSummaryCounty({
    name: county,
    divisionCode: "149903",
    year,
    units: [
      { name: units.east, kind: "TOWN", report: { status: "PUBLISHED", received: 12 } },
      { name: units.west, kind: "TOWNSHIP", report: { status: "APPROVED", received: 7 } },
      { name: units.south, kind: "TOWN" },
    ],
    staff: [
      { username: "summary-admin", role: "COUNTY_ADMIN" },
      { username: "summary-review", role: "REVIEWER" },
      { username: "summary-county", role: "CLERK" },
    ],
    password,
  }),
);

test("the reviewer reads the county summary; the county report in 全县 mode is filled from it with its sources", async ({
  browser,
}) => {
  // Four sign-ins, a PDF rendered on the server and a wizard, on a machine shared with other runs.
  test.setTimeout(150_000);
  // The county administrator chooses 全县 for the county government's own report.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "summary-admin", password);
  await admin.goto(`/review/summary?year=${year}`);
  await admin.getByLabel("全县（各单位报告之和）").check();
  await admin.getByRole("button", { name: "保存填报方式" }).click();
  await expect(admin.getByText("已保存填报方式。")).toBeVisible();
  await expect(admin.getByTestId("summary-mode")).toContainText("全县");
  await adminContext.close();

  // The reviewer: the count line, who is not yet included, the sums and each unit's figure.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, "summary-review", password);
  await reviewer.goto("/review");
  await reviewer.getByRole("link", { name: "全县汇总", exact: true }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText(`${county} `);
  await reviewer.goto(`/review/summary?year=${year}`);
  await expect(reviewer.getByTestId("summary-counts")).toHaveText("应报 3 · 已汇总 2 · 未汇总 1");
  await expect(reviewer.getByTestId("summary-excluded").getByRole("row", { name: units.south })).toContainText(
    "未开始",
  );
  await expect(reviewer.getByTestId("summary-included")).toContainText(units.east);
  await expect(reviewer.getByTestId("summary-included")).toContainText(units.west);
  await expect(reviewer.locator('[data-cell-id="t3.r1.natural"]')).toHaveText("19");
  await expect(reviewer.locator('[data-cell-id="t3.r1.total"]')).toHaveText("19");
  await reviewer.getByTestId("summary-sources").locator("summary", { hasText: /^三、/ }).click();
  await expect(reviewer.getByTestId("summary-sources").locator('tr[data-cell="t3.r1.natural"]')).toContainText(
    `${units.east} 12、${units.west} 7`,
  );
  const csv = await reviewer.request.get(
    (await reviewer.getByTestId("summary-csv").getAttribute("href")) ?? "/missing",
  );
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("t3.r1.natural");
  const csvHref = (await reviewer.getByTestId("summary-csv").getAttribute("href")) ?? "/missing";
  const pdf = await reviewer.request.get(
    (await reviewer.getByTestId("summary-pdf").getAttribute("href")) ?? "/missing",
  );
  expect([pdf.status(), pdf.headers()["content-type"]]).toEqual([200, "application/pdf"]);
  await reviewerContext.close();
  // Another county's clerk gets no summary.
  const stranger = await pageAs(browser, "dongfeng");
  expect((await stranger.request.get(csvHref)).status()).toBe(404);
  await stranger.context().close();

  // The county government's clerk: the wizard fills the tables from the summary and names
  // the sources of each figure; a figure changed away from the sum is warned.
  const reportId = await createReport("summary-county", year);
  const clerk = await (await browser.newContext()).newPage();
  await signIn(clerk, "summary-county", password);
  await clerk.goto(`/clerk/reports/${reportId}`);
  await expect(clerk.getByTestId("county-summary-panel")).toBeVisible();
  await expect(clerk.getByTestId("county-summary-excluded")).toContainText(units.south);
  await clerk.getByRole("button", { name: "按全县汇总填入表格" }).click();
  await goToStep(clerk, /^三、/);
  await expect(cell(clerk, "t3.r1.natural")).toHaveValue("19");
  await expect(cell(clerk, "t3.r1.natural").locator("xpath=..")).toHaveAttribute(
    "title",
    `来源：${units.east} 12、${units.west} 7`,
  );
  await expectSaved(clerk);
  // Table 二 has no identity of its own: the only finding is the difference from the sum.
  await goToStep(clerk, /^二、/);
  await expect(cell(clerk, "t2.rules.issued")).toHaveValue("2");
  await cell(clerk, "t2.rules.issued").fill("3");
  await expect(cell(clerk, "t2.rules.issued").locator("xpath=..").getByTestId("cell-message")).toContainText(
    "全县各单位报告之和为 2",
  );
});
