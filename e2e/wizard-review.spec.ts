import { expect, pageAs, test } from "./support/fixtures";
import { cell, createReport, field, goToStep, openReport, storedReport, withDatabase } from "./wizard-helpers";

test("a returned report shows the return comment at the top and each review comment at its place", async ({
  browser,
}) => {
  const reportId = await createReport("dongfeng", 2021, { status: "RETURNED" });
  await withDatabase(async (db) => {
    const reviewer = await db.user.findUniqueOrThrow({ where: { username: "yangcheng-review" }, select: { id: true } });
    const report = await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { organizationId: true } });
    await db.auditEvent.create({
      data: {
        action: "report.return",
        actorId: reviewer.id,
        organizationId: report.organizationId,
        reportId,
        fromStatus: "SUBMITTED",
        toStatus: "RETURNED",
        comment: "请核对表三并补充监督保障部分。",
      },
    });
    await db.reviewComment.createMany({
      data: [
        {
          reportId,
          target: "cell:t3.r1.natural",
          body: "自然人申请数与登记台账不符。",
          reportVersion: 1,
          authorId: reviewer.id,
        },
        { reportId, target: "row:t3.r4", body: "结转数请说明。", reportVersion: 1, authorId: reviewer.id },
        {
          reportId,
          target: "section:s1.oversight",
          body: "监督保障写得太简略。",
          reportVersion: 1,
          authorId: reviewer.id,
        },
        { reportId, target: "section:t4", body: "行政复议情况请核实。", reportVersion: 1, authorId: reviewer.id },
      ],
    });
  });
  const page = await openReport(browser, "dongfeng", reportId);
  await expect(page.getByTestId("return-comment")).toContainText("请核对表三并补充监督保障部分。");
  await expect(page.getByTestId("return-comment")).toContainText("阳城县政务公开办 审核员");

  // Section comment at its narrative part (step 一).
  await expect(page.locator('[id="message-s1.oversight"]')).toContainText("监督保障写得太简略。");
  await expect(field(page, "s1.oversight")).toHaveAttribute("aria-describedby", /message-s1\.oversight/);
  // The step list says where the comments are.
  await expect(
    page.getByRole("navigation", { name: "填报步骤" }).getByRole("listitem").filter({ hasText: "三、收到和处理" }),
  ).toContainText("审核意见 2");

  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  await expect(page.locator('[id="message-t3.r1.natural"]')).toContainText("自然人申请数与登记台账不符。");
  await expect(page.getByRole("row").filter({ hasText: "四、结转下年度继续办理" })).toContainText("结转数请说明。");
  await goToStep(page, "四、政府信息公开行政复议、行政诉讼情况");
  await expect(page.getByTestId("review-comment")).toContainText("行政复议情况请核实。");

  // A returned report is editable again.
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  await cell(page, "t3.r1.natural").fill("4");
  await expect
    .poll(async () => (await storedReport(reportId)).data.cells["t3.r1.natural"], { timeout: 15_000 })
    .toBe(4);
});

test("a submitted report is read-only to the clerk", async ({ browser }) => {
  const reportId = await createReport("dongfeng", 2020, { status: "SUBMITTED" });
  const clerk = await pageAs(browser, "dongfeng");
  await clerk.goto(`/clerk/reports/${reportId}`);
  await expect(clerk.getByTestId("read-only")).toBeVisible();
  await expect(clerk.locator("main input, main textarea")).toHaveCount(0);
  await expect(clerk.getByTestId("save-status")).toHaveCount(0);
});

test("a new year's report starts from last year's: carry-over, stock in force, texts offered", async ({ browser }) => {
  await createReport("baisang", 2021, {
    data: (blank) => ({
      ...blank,
      cells: { ...blank.cells, "t3.r4.natural": 3, "t3.r4.business": 1, "t2.normative.inForce": 12 },
      narrative: { ...blank.narrative, s5: "去年的问题与改进。" },
    }),
    status: "PUBLISHED",
  });
  const reportId = await createReport("baisang", 2022);
  const page = await openReport(browser, "baisang", reportId);
  const offer = page.getByTestId("carry-over");
  await expect(offer).toContainText("从 2021 年度报告带入");
  await offer.getByRole("button", { name: "带入上年数据" }).click();
  await expect(offer).toContainText("二、上年结转政府信息公开申请数量·自然人 3");
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  await expect(cell(page, "t3.r2.natural")).toHaveValue("3");
  await expect(cell(page, "t3.r2.business")).toHaveValue("1");
  // Last year left 科研机构 empty: nothing is guessed.
  await expect(cell(page, "t3.r2.research")).toHaveValue("");
  await goToStep(page, "二、主动公开政府信息情况");
  await expect(cell(page, "t2.normative.inForce")).toHaveValue("12");
  await goToStep(page, "五、存在的主要问题及改进情况");
  await page.getByText("查看上年度的“五、存在的主要问题及改进情况”").click();
  await page.getByRole("button", { name: "以上年文字为起点" }).click();
  await expect(field(page, "s5")).toHaveValue("去年的问题与改进。");
  await expect
    .poll(async () => (await storedReport(reportId)).data.narrative.s5, { timeout: 15_000 })
    .toBe("去年的问题与改进。");
});
