import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { expect, pageAs, signIn, test } from "./support/fixtures";
import { createSummaryCounty } from "./support/summary-county";
import { publishableYear } from "./support/publish-steps";
import { withDatabase } from "./wizard-helpers";

// Publishing the county summary (全县汇总), in a county of its own (no other journey's
// reports count): the reviewer checks the 样稿 and publishes; a citizen finds it among the
// county's reports and downloads the PDF; one more unit approved, version 2 is published and
// version 1 stays online; the county government's clerk cannot publish it; the system
// administrator, who has no county, picks it on the summary and the board.
const year = publishableYear();
const county = "发布汇总示范县";
const units = { east: "东坪镇人民政府", west: "西坪乡人民政府", south: "南坪镇人民政府" } as const;
const password = "Fabu-huizong-2026!";

test.beforeAll(() =>
  createSummaryCounty({
    name: county,
    divisionCode: "149904",
    year,
    units: [
      { name: units.east, kind: "TOWN", report: { status: "PUBLISHED", received: 12 } },
      { name: units.west, kind: "TOWNSHIP", report: { status: "APPROVED", received: 7 } },
      { name: units.south, kind: "TOWN", report: { status: "SUBMITTED", received: 5 } },
    ],
    staff: [
      { username: "publish-summary-review", role: "REVIEWER" },
      { username: "publish-summary-clerk", role: "CLERK" },
    ],
    password,
  }),
);

/** On the summary page: the 样稿 (its page count, its first page drawn), then 确认发布. */
async function publishSummary(reviewer: Page, button: string): Promise<void> {
  await reviewer.getByRole("button", { name: button }).click();
  const confirmation = reviewer.getByTestId("publish-confirmation");
  await expect(confirmation.getByTestId("publish-page-count")).toContainText(/共 \d+ 页/, { timeout: 30_000 });
  await expect(confirmation.getByTestId("pdf-first-page")).toHaveAttribute("data-rendered", "true", {
    timeout: 30_000,
  });
  await expect(confirmation.getByTestId("publish-problems")).toHaveCount(0);
  await confirmation.getByRole("button", { name: "确认发布" }).click();
}

/** The text of a PDF the visitor downloads by clicking `link`. */
async function downloadedPdfText(page: Page, link: ReturnType<Page["getByRole"]>): Promise<string> {
  const downloading = page.waitForEvent("download");
  await link.click();
  const file = await (await downloading).path();
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

test("the county summary is published after its 样稿, found and downloaded by a citizen, and versioned", async ({
  browser,
}) => {
  // Sign-ins, four PDFs rendered on the server, two drawn in the browser, on a shared machine.
  test.setTimeout(240_000);
  const countyId = await withDatabase(
    async (db) => (await db.organization.findFirstOrThrow({ where: { name: county } })).id,
  );

  // The reviewer: the 样稿, then version 1 (east 12 + west 7; south only submitted).
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, "publish-summary-review", password);
  await reviewer.goto(`/review/summary?year=${year}`);
  await expect(reviewer.getByTestId("summary-counts")).toHaveText("应报 3 · 已汇总 2 · 未汇总 1");
  await publishSummary(reviewer, "发布全县汇总…");
  // The publication is a job of the queue, which the panel follows.
  await expect(reviewer.getByTestId("summary-published")).toHaveText(/^(排队中…|正在发布…|已发布全县汇总第 1 版。)$/);
  await expect(reviewer.getByTestId("summary-published")).toHaveText("已发布全县汇总第 1 版。", { timeout: 30_000 });
  await expect(reviewer.getByTestId("summary-versions").getByRole("link", { name: "第 1 版" })).toBeVisible();

  // A citizen, not signed in: the summary is listed with the county's reports; its page and PDF.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto("/");
  await visitor.getByLabel("单位名称").fill(county);
  await visitor.getByRole("button", { name: "查找" }).click();
  await visitor
    .getByTestId("publications")
    .getByRole("link", { name: `${county}（全县汇总）` })
    .click();
  await expect(visitor).toHaveURL(`/reports/county-summary/${countyId}/${year}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(`${county}（全县汇总）`);
  await expect(visitor.locator('[data-cell-id="t3.r1.natural"]')).toHaveText("19");
  const firstText = await downloadedPdfText(visitor, visitor.getByRole("link", { name: /^PDF/ }));
  expect(firstText).toContain(`${county}（全县汇总）`);
  expect(firstText).toMatch(/\b19\b/);
  expect(firstText.replace(/\s+/g, "")).toContain(`尚未纳入汇总的单位（1个）：${units.south}（已提交）`);
  expect(firstText).not.toContain("样稿");

  // The county government's clerk cannot publish it: no page, and the 样稿 route refuses.
  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await signIn(clerk, "publish-summary-clerk", password);
  await clerk.goto(`/review/summary?year=${year}`);
  await expect(clerk.getByRole("button", { name: "发布全县汇总…" })).toHaveCount(0);
  const clerkPreview = await clerk.evaluate(
    async (url) =>
      (await fetch(url, { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } })).status,
    `/api/county-summary/${countyId}/${year}/preview`,
  );
  expect(clerkPreview).toBe(404);
  await clerkContext.close();

  // One more unit approved (the approval itself is the review journeys' subject): version 2,
  // with the 更正说明 offered for it.
  await withDatabase((db) =>
    db.report.updateMany({ where: { year, organization: { name: units.south } }, data: { status: "APPROVED" } }),
  );
  await reviewer.reload();
  await expect(reviewer.getByTestId("summary-counts")).toHaveText("应报 3 · 已汇总 3 · 未汇总 0");
  await expect(reviewer.getByLabel(/更正说明/)).toHaveValue(`新纳入汇总：${units.south}。`);
  await publishSummary(reviewer, "发布第 2 版…");
  // The publication is a job of the queue, which the panel follows.
  await expect(reviewer.getByTestId("summary-published")).toHaveText(/^(排队中…|正在发布…|已发布全县汇总第 2 版。)$/);
  await expect(reviewer.getByTestId("summary-published")).toHaveText("已发布全县汇总第 2 版。", { timeout: 30_000 });
  await expect(reviewer.getByTestId("summary-versions").getByRole("listitem")).toHaveCount(2);
  await reviewerContext.close();

  // The citizen: the latest is version 2 (24), version 1 stays reachable with its own figures.
  await visitor.reload();
  await expect(visitor.locator('[data-cell-id="t3.r1.natural"]')).toHaveText("24");
  const versions = visitor.getByTestId("publication-versions");
  await expect(versions).toContainText(`更正说明：新纳入汇总：${units.south}。`);
  await versions.getByRole("link", { name: "第 1 版" }).click();
  await expect(visitor).toHaveURL(`/reports/county-summary/${countyId}/${year}/v/1`);
  await expect(visitor.locator('[data-cell-id="t3.r1.natural"]')).toHaveText("19");
  const versionOneText = await downloadedPdfText(visitor, visitor.getByRole("link", { name: /^PDF/ }));
  expect(versionOneText).toMatch(/\b19\b/);
  const csv = await visitor.request.get(`/reports/county-summary/${countyId}/${year}/csv`);
  expect(await csv.text()).toMatch(/^t3\.r1\.natural,.*,24\r?$/m);
  await visitorContext.close();

  // The system administrator has no county: they pick this one on the summary and the board.
  const admin = await pageAs(browser, "admin");
  await admin.goto(`/review/summary?year=${year}`);
  await admin.getByLabel("县（区）").selectOption({ label: county });
  await admin.getByRole("button", { name: "筛选" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `${county} ${year} 年度全县汇总` })).toBeVisible();
  await expect(admin.getByTestId("summary-versions").getByRole("link")).toHaveCount(2);
  await admin.goto(`/review/board?year=${year}`);
  await admin.getByLabel("县（区）").selectOption({ label: county });
  await admin.getByRole("button", { name: "筛选" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(county);
  await expect(admin.getByTestId("season-board").getByRole("row", { name: new RegExp(units.south) })).toContainText(
    "已审核",
  );
  await admin.context().close();
});
