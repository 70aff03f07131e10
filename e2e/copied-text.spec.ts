import { expect, pageAs, test } from "./support/fixtures";
import { createReport, expectSaved, field, openReport } from "./wizard-helpers";

// 雷同: a clerk who reuses last year's text is warned in the wizard with the share and the
// repeated words marked, and the warning goes once the text is rewritten. Text repeated from
// another unit of the county is flagged too, without showing that unit's name or text; the
// reviewer sees whose it is.
const lastYearActive =
  "本乡坚持以公开为常态、不公开为例外，通过乡政府网站和村务公开栏主动公开各类政府信息，" +
  "重点做好财政预决算、惠民补贴发放和重大项目建设等领域的信息公开，全年未发生因公开不及时引发的投诉。";
const rewrittenActive =
  "今年新建了十二个村级公开点，低保和高龄补贴名单每季度张榜一次，群众扫码即可查到本村的补贴发放明细；" +
  "乡里还请三位村民代表担任公开监督员，每月到各村抽查一次。";
const sharedPlatform =
  "依托县政府门户网站开设本乡信息公开专栏，设置机构职能、政策文件、财政信息、重点领域四个栏目，" +
  "专人负责更新维护，确保信息发布准确及时，同时通过政务微信公众号同步推送重要信息。";
const neighbourOnly = "王乐井乡今年的公开工作另有安排，这段话只在王乐井乡的报告里，花马池镇的填报人员不应看到。";

test("reusing last year's text warns with the share and the passages; rewriting clears it", async ({ browser }) => {
  test.setTimeout(180_000);
  await createReport("huamachi", 2023, {
    status: "PUBLISHED",
    data: (blank) => ({ ...blank, narrative: { ...blank.narrative, "s1.active": lastYearActive } }),
  });
  const neighbourId = await createReport("wangyuejing", 2024, {
    status: "SUBMITTED",
    data: (blank) => ({
      ...blank,
      narrative: { ...blank.narrative, "s1.platform": sharedPlatform, "s1.oversight": neighbourOnly },
    }),
  });
  const reportId = await createReport("huamachi", 2024, {
    data: (blank) => ({ ...blank, narrative: { ...blank.narrative, "s1.platform": sharedPlatform } }),
  });

  // The reviewer sees both reports' shared part, naming the other unit.
  const reviewer = await pageAs(browser, "yanchi-review");
  await reviewer.goto(`/review/reports/${neighbourId}`);
  const panel = reviewer.getByTestId("review-repetition");
  await expect(panel.locator('[data-field="s1.platform"]')).toContainText("与盐池县花马池镇人民政府（草稿）重复 100%");
  await expect(panel.locator("details mark").filter({ hasText: "依托县政府门户网站开设本乡信息公开专栏" })).toHaveCount(
    1,
  );

  const page = await openReport(browser, "huamachi", reportId);
  // The standard opening (with its 统计期限 sentence) is the template's and never counts.
  await expect(field(page, "preamble")).not.toHaveValue("");
  await expect(page.locator('[data-testid="repetition-warning"][data-field="preamble"]')).toHaveCount(0);

  // Another unit's text: the share and the clerk's own words, not whose nor theirs.
  const county = page.locator('[data-testid="repetition-warning"][data-field="s1.platform"]');
  await expect(county).toContainText("本栏与同县某单位的报告雷同 100%（超过 50%）");
  await expect(county).not.toContainText("王乐井");
  await expect(page.locator("main")).not.toContainText(neighbourOnly);

  // Last year's text taken as the start: warned at once, the passage marked.
  const lastYear = page.locator("details").filter({ hasText: "查看上年度的“（一）主动公开”" });
  await lastYear.getByText("查看上年度的“（一）主动公开”").click();
  await lastYear.getByRole("button", { name: "以上年文字为起点" }).click();
  const warning = page.locator('[data-testid="repetition-warning"][data-field="s1.active"]');
  await expect(warning).toContainText("本栏与上年本单位报告雷同");
  await expect(warning.getByTestId("repetition-percent")).toHaveText("100%");
  await expect(warning.locator("mark")).toHaveText(lastYearActive.slice(0, -1));

  // Half rewritten: still over the threshold, with only the old half marked.
  const keptHalf = lastYearActive.slice(0, 60);
  await field(page, "s1.active").fill(`${keptHalf}${rewrittenActive.slice(0, 40)}`);
  await expect(warning.getByTestId("repetition-percent")).toHaveText("59%");
  await expect(warning.locator("mark")).toHaveCount(1);
  await expect(warning.locator("mark")).toHaveText(keptHalf);

  // Rewritten: the warning goes.
  await field(page, "s1.active").fill(rewrittenActive);
  await expect(warning).toHaveCount(0);
  await field(page, "s1.platform").fill(rewrittenActive.replace("今年", "本年度"));
  await expect(county).toHaveCount(0);

  // The county's administrator (here the system administrator) raises 盐池县's threshold to
  // 60%: the half-rewritten text (59%) is no longer flagged, the whole of last year's still is.
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/calendar");
  await admin.getByLabel("县（区）", { exact: true }).selectOption({ label: "盐池县" });
  await admin.getByRole("button", { name: "查看" }).click();
  await expect(admin.getByTestId("repetition-threshold")).toHaveText("当前：超过 50% 时提示（默认）");
  await admin.getByLabel("雷同提示阈值（%）").fill("六十");
  await admin.getByRole("button", { name: "保存阈值" }).click();
  await expect(admin.getByText("雷同提示阈值须为 1 至 100 之间的整数")).toBeVisible();
  await admin.getByLabel("雷同提示阈值（%）").fill("60");
  await admin.getByRole("button", { name: "保存阈值" }).click();
  await expect(admin.getByRole("status")).toHaveText("已保存：超过 60% 时提示雷同。");
  await expect(admin.getByTestId("repetition-threshold")).toHaveText("当前：超过 60% 时提示");

  await field(page, "s1.active").fill(`${keptHalf}${rewrittenActive.slice(0, 40)}`);
  await expectSaved(page);
  await page.reload();
  await expect(field(page, "s1.active")).toHaveValue(`${keptHalf}${rewrittenActive.slice(0, 40)}`);
  await expect(warning).toHaveCount(0);
  await field(page, "s1.active").fill(lastYearActive);
  await expect(warning).toContainText("（超过 60%");

  // Back to the server's default.
  await admin.getByLabel("雷同提示阈值（%）").fill("");
  await admin.getByRole("button", { name: "保存阈值" }).click();
  await expect(admin.getByRole("status")).toHaveText("已恢复默认阈值（50%）。");
  await expect(admin.getByTestId("repetition-threshold")).toHaveText("当前：超过 50% 时提示（默认）");
});
