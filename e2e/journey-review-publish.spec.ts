import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, pageAs, test } from "./support/fixtures";
import { clerkSteps } from "./support/clerk-steps";
import { publishableYear, publishFromReview } from "./support/publish-steps";
import { cell, expectSaved, goToStep, openReport } from "./wizard-helpers";

// The whole path of a report: the clerk submits, the county reviewer returns it with a
// comment on a cell, the clerk fixes and resubmits, the reviewer approves and publishes,
// and an anonymous visitor finds it and downloads the PDF, whose text carries the figures.
// The clerk's first draft is written through clerkSteps (server operations with the real
// clerk account; typing a whole report is wizard-journey.spec's job); the fix after the
// return goes through the wizard, where the reviewer's comments are shown.
// 王乐井乡 of 盐池县: no other spec touches its report of this year or last year.
const organizationName = "盐池县王乐井乡人民政府";
const clerk = "wangyuejing";

/** The text of a PDF, as poppler's pdftotext lays it out. */
function pdfText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8" });
}

test("a report goes from submission through a return to publication and a public PDF", async ({ browser }) => {
  test.setTimeout(180_000);
  const year = publishableYear();

  // Clerk: fill in and submit.
  const { reportId } = await clerkSteps.start(clerk, year);
  await clerkSteps.fill(clerk, reportId, { organizationName, year, cells: { "t2.rules.issued": 31 } });
  await clerkSteps.submit(clerk, reportId);

  // Reviewer: finds it in the queue, comments on a cell and returns it.
  const reviewer = await pageAs(browser, "yanchi-review");
  await reviewer.goto("/review");
  await reviewer.getByLabel("年度").selectOption(String(year));
  await reviewer.getByLabel("状态").selectOption("SUBMITTED");
  await reviewer.getByRole("button", { name: "筛选" }).click();
  await expect(reviewer).toHaveURL(/status=SUBMITTED/);
  const row = reviewer.getByTestId("review-queue").getByRole("row").filter({ hasText: organizationName });
  await expect(row).toContainText("已提交");
  await row.getByRole("link", { name: "审核" }).click();
  await expect(reviewer).toHaveURL(`/review/reports/${reportId}`);
  await expect(reviewer.getByTestId("report-title")).toContainText(organizationName);
  await expect(reviewer.locator('[data-cell-id="t2.rules.issued"]')).toHaveText("31");
  await expect(reviewer.getByTestId("review-findings")).toContainText("没有发现错误或提示");

  // Clicking the figure in the document picks its cell as the comment's place.
  await reviewer.locator('[data-cell-id="t2.rules.issued"]').click();
  await expect(reviewer.getByLabel("批注位置")).toHaveValue("cell:t2.rules.issued");
  await reviewer.getByLabel("批注内容").fill("规章制发件数与门户网站公布的不一致，请核实。");
  await reviewer.getByRole("button", { name: "添加批注" }).click();
  await expect(reviewer.getByTestId("review-comments").locator('[data-target="cell:t2.rules.issued"]')).toContainText(
    "规章制发件数与门户网站公布的不一致",
  );

  // Returning needs a comment: the empty attempt is refused with a zh-CN message.
  await reviewer.getByRole("button", { name: "退回修改" }).click();
  await expect(reviewer.getByRole("alert").filter({ hasText: "操作未完成" })).toContainText(
    "退回时请说明需要修改的内容。",
  );
  await reviewer.getByLabel(/审核意见/).fill("请按批注核实规章件数。");
  // With the network down the return fails: the page says so and keeps the typed comment.
  await reviewer.context().setOffline(true);
  await reviewer.getByRole("button", { name: "退回修改" }).click();
  await expect(reviewer.getByRole("alert").filter({ hasText: "操作未完成" })).toContainText("网络连接中断");
  await expect(reviewer.getByLabel(/审核意见/)).toHaveValue("请按批注核实规章件数。");
  await reviewer.context().setOffline(false);
  await reviewer.getByRole("button", { name: "退回修改" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("已退回");

  // Clerk, in the wizard: sees the return comment and the cell comment where it belongs,
  // fixes the figure and resubmits.
  const clerkPage = await openReport(browser, clerk, reportId);
  await expect(clerkPage.getByTestId("return-comment")).toContainText("请按批注核实规章件数。");
  await goToStep(clerkPage, "二、主动公开政府信息情况");
  await expect(clerkPage.locator('[id="message-t2.rules.issued"]')).toContainText("规章制发件数与门户网站公布的不一致");
  await cell(clerkPage, "t2.rules.issued").fill("4321");
  await goToStep(clerkPage, "检查并提交");
  await expect(clerkPage.getByTestId("check-clean")).toBeVisible();
  await expectSaved(clerkPage);
  // Before submitting, the clerk's 样稿 link gives the PDF as publishing would freeze it, with
  // the figure just saved, marked 样稿.
  const previewHref = await clerkPage.getByTestId("preview-pdf").getAttribute("href");
  const preview = await clerkPage.request.get(previewHref!);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
  const previewText = pdfText(await preview.body());
  expect(previewText).toContain("样稿");
  expect(previewText).toContain(organizationName);
  expect(previewText).toMatch(/\b4321\b/);
  await clerkPage.getByRole("button", { name: "提交审核" }).click();
  await expect(clerkPage.getByTestId("read-only")).toBeVisible();
  await clerkPage.context().close();

  // Reviewer: sees what changed since the return, approves and publishes.
  await reviewer.reload();
  await expect(reviewer.getByTestId("report-status")).toHaveText("已提交");
  const change = reviewer.getByTestId("review-changes").locator('[data-change-id="t2.rules.issued"]');
  await expect(change).toContainText("31");
  await expect(change).toContainText("4321");
  // Before publication the catalogue does not list it; that answer is kept by the server
  // (lib/publications/public-answers.ts), and must not outlive the publication.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const byName = `/?q=${encodeURIComponent("王乐井")}`;
  const listed = visitor.locator(`a[href="/reports/${reportId}"]`);
  for (let visit = 0; visit < 2; visit += 1) {
    await visitor.goto(byName);
    await expect(visitor.getByRole("heading", { name: "已发布的报告" })).toBeVisible();
    await expect(listed).toHaveCount(0);
  }
  await publishFromReview(reviewer);
  await expect(reviewer.getByRole("link", { name: "第 1 版" })).toBeVisible();
  await visitor.goto(byName);
  await expect(listed).toHaveCount(1);

  // Anonymous visitor: finds the report by region and year, opens it, downloads the PDF.
  await visitor.goto("/");
  await visitor.getByLabel("地区").selectOption({ label: "盐池县" });
  await visitor.getByLabel("年度").selectOption(String(year));
  await visitor.getByRole("button", { name: "查找" }).click();
  await visitor.getByTestId("publications").getByRole("link", { name: organizationName }).click();
  await expect(visitor).toHaveURL(`/reports/${reportId}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(organizationName);
  await expect(visitor.locator('[data-cell-id="t2.rules.issued"]')).toHaveText("4321");

  const downloading = visitor.waitForEvent("download");
  await visitor.getByRole("link", { name: /^PDF/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${organizationName}${year}年政府信息公开工作年度报告.pdf`);
  const text = pdfText(readFileSync(await download.path()));
  expect(text).toContain(organizationName);
  expect(text).not.toContain("样稿");
  expect(text).toMatch(/\b4321\b/);
  expect(text).toMatch(/\b1204\b/);
  await visitorContext.close();
});
