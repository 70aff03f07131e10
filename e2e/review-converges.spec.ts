import type { Page } from "@playwright/test";
import { expect, pageAs, test } from "./support/fixtures";
import { clerkSteps } from "./support/clerk-steps";
import { publishFromReview } from "./support/publish-steps";
import { openReport } from "./wizard-helpers";

// Review that converges: the reviewer comments and returns, the clerk answers each comment
// in the wizard, the reviewer closes them and the queue's 未处理批注 count drops; publishing
// closes what is left. Reopened for a correction, the report shows the clerk the
// correction's reason, not the old return note and comments.
const organizationName = "盐池县花马池镇人民政府";
const clerk = "huamachi";
const year = 2022;

async function openCommentsInQueue(reviewer: Page): Promise<string> {
  await reviewer.goto(`/review?year=${year}`);
  const row = reviewer.getByTestId("review-queue").getByRole("row").filter({ hasText: organizationName });
  // 类型, 状态, 最后修改, 校验问题, 未处理批注, 操作
  return (await row.locator("td").nth(4).textContent()) ?? "";
}

async function addComment(reviewer: Page, target: string, body: string) {
  await reviewer.getByLabel("批注位置").selectOption(target);
  await reviewer.getByLabel("批注内容").fill(body);
  await reviewer.getByRole("button", { name: "添加批注" }).click();
  await expect(reviewer.getByTestId("review-comments")).toContainText(body);
}

test("comments are answered and closed, and a correction shows its reason", async ({ browser }) => {
  test.setTimeout(240_000);
  const { reportId } = await clerkSteps.start(clerk, year);
  await clerkSteps.fill(clerk, reportId, { organizationName, year });
  await clerkSteps.submit(clerk, reportId);

  const reviewer = await pageAs(browser, "yanchi-review");
  await reviewer.goto(`/review/reports/${reportId}`);
  await addComment(reviewer, "section:s1.active", "主动公开部分请写明公开的渠道。");
  await addComment(reviewer, "cell:t3.r1.natural", "自然人申请数请与登记台账核对。");
  await reviewer.getByLabel(/审核意见/).fill("请按批注修改。");
  await reviewer.getByRole("button", { name: "退回修改" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("已退回");
  expect(await openCommentsInQueue(reviewer)).toBe("2");

  // The clerk answers in the wizard; the answer shows beside the comment.
  const page = await openReport(browser, clerk, reportId);
  await expect(page.getByTestId("return-comment")).toContainText("请按批注修改。");
  const answers = page.getByTestId("comment-replies");
  const first = answers.getByTestId("comment-to-answer").filter({ hasText: "主动公开部分请写明公开的渠道。" });
  // An empty answer is refused in zh-CN.
  await first.getByRole("button", { name: "发送回复" }).click();
  await expect(first.getByRole("alert")).toHaveText("请填写回复内容");
  await first.getByLabel("回复审核人员").fill("已补充门户网站和公开栏两个渠道。");
  await first.getByRole("button", { name: "发送回复" }).click();
  await expect(first.getByTestId("reply-sent")).toBeVisible();
  await expect(page.locator('[id="message-s1.active"]').getByTestId("comment-reply")).toContainText(
    "已补充门户网站和公开栏两个渠道。",
  );
  await page.close();
  await clerkSteps.submit(clerk, reportId);

  // The reviewer reads the answer and closes the comment: the count drops.
  await reviewer.goto(`/review/reports/${reportId}`);
  const answered = reviewer.getByTestId("review-comment-item").filter({ hasText: "主动公开部分请写明公开的渠道。" });
  await expect(answered.getByTestId("review-comment-reply")).toContainText("已补充门户网站和公开栏两个渠道。");
  await answered.getByRole("button", { name: "标为已处理" }).click();
  await expect(answered).toHaveAttribute("data-resolved", "true");
  await expect(answered.getByRole("button", { name: "标为已处理" })).toHaveCount(0);
  expect(await openCommentsInQueue(reviewer)).toBe("1");

  // Publishing closes the comment left open: nothing stays 未处理 on a published report.
  await reviewer.goto(`/review/reports/${reportId}`);
  await publishFromReview(reviewer);
  expect(await openCommentsInQueue(reviewer)).toBe("0");

  // Reopened for a correction: the clerk reads the reason, not the old note or comments.
  await reviewer.goto(`/review/reports/${reportId}`);
  await reviewer.getByLabel(/更正原因/).fill("行政许可处理决定数量有误，请更正。");
  await reviewer.getByRole("button", { name: "发起更正" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("已退回");
  const corrected = await openReport(browser, clerk, reportId);
  const note = corrected.getByTestId("return-comment");
  await expect(note).toContainText("更正原因");
  await expect(note).toContainText("行政许可处理决定数量有误，请更正。");
  await expect(note).not.toContainText("请按批注修改。");
  await expect(corrected.getByTestId("comment-replies")).toHaveCount(0);
  await expect(corrected.getByTestId("review-comment")).toHaveCount(0);
});
