import { expect, pageAs, test } from "./support/fixtures";
import { clerkSteps } from "./support/clerk-steps";
import { publishableYear, publishFromReview } from "./support/publish-steps";

// Correcting a published report: the reviewer reopens it (a reason is required), the clerk
// fixes it, the reviewer republishes with a required 更正说明; the public page lists both
// versions and the first stays reachable at its own URL.
const organizationName = "阳城县人民政府办公室";
const clerk = "yczfb";

test("a published report is corrected into version 2 and version 1 stays online", async ({ browser }) => {
  test.setTimeout(180_000);
  const year = publishableYear();
  const { reportId } = await clerkSteps.start(clerk, year);
  await clerkSteps.fill(clerk, reportId, { organizationName, year, cells: { "t2.normative.issued": 13 } });
  await clerkSteps.submit(clerk, reportId);

  const reviewer = await pageAs(browser, "yangcheng-review");
  await reviewer.goto(`/review/reports/${reportId}`);
  await publishFromReview(reviewer);

  await reviewer.getByRole("button", { name: "发起更正" }).click();
  await expect(reviewer.getByRole("alert").filter({ hasText: "操作未完成" })).toContainText("请说明需要更正的内容。");
  await reviewer.getByLabel(/更正原因/).fill("行政规范性文件制发件数有误。");
  await reviewer.getByRole("button", { name: "发起更正" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("已退回");

  // While it is being corrected, the published version stays public.
  const visitor = await browser.newPage();
  expect((await visitor.goto(`/reports/${reportId}`))?.status()).toBe(200);

  await clerkSteps.fill(clerk, reportId, { organizationName, year, cells: { "t2.normative.issued": 17 } });
  await clerkSteps.submit(clerk, reportId);
  await reviewer.reload();
  await expect(reviewer.getByTestId("review-changes").locator('[data-change-id="t2.normative.issued"]')).toContainText(
    "17",
  );
  // Publishing a correction without its 更正说明 is refused and leaves the report submitted.
  await publishFromReview(reviewer, { expectPublished: false });
  await expect(reviewer.getByRole("alert").filter({ hasText: "操作未完成" })).toContainText("请填写更正说明");
  await expect(reviewer.getByTestId("report-status")).toHaveText("已提交");
  await reviewer.getByRole("button", { name: "返回修改" }).click();
  await reviewer.getByLabel(/更正说明/).fill("行政规范性文件本年制发件数由 13 件更正为 17 件。");
  await publishFromReview(reviewer);
  await expect(reviewer.getByRole("link", { name: "第 2 版" })).toBeVisible();

  // The latest URL may be cached for up to a minute (max-age=60); a reload revalidates with its ETag.
  await visitor.goto(`/reports/${reportId}`);
  await visitor.reload();
  await expect(visitor.locator('[data-cell-id="t2.normative.issued"]')).toHaveText("17");
  const versions = visitor.getByTestId("publication-versions");
  await expect(versions).toContainText("更正说明：行政规范性文件本年制发件数由 13 件更正为 17 件。");
  await versions.getByRole("link", { name: "第 1 版" }).click();
  await expect(visitor).toHaveURL(`/reports/${reportId}/v/1`);
  await expect(visitor.locator('[data-cell-id="t2.normative.issued"]')).toHaveText("13");
  await expect(visitor.getByText("这是本报告的第 1 版")).toBeVisible();
});
