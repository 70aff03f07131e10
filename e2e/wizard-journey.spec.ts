import AxeBuilder from "@axe-core/playwright";
import { seed002Corrected } from "../fixtures";
import { compileLayout, getLayout, layoutForYear } from "../lib/template";
import { wizardSteps } from "../lib/report-form/steps";
import { expect, test } from "./support/fixtures";
import {
  cell,
  createReport,
  expectSaved,
  field,
  goToStep,
  openReport,
  storedReport,
  withDatabase,
} from "./wizard-helpers";

const layout = getLayout("gov-2021");
const compiled = compileLayout(layout);

test("a clerk types seed 002's figures and texts through the wizard and submits it", async ({ browser }) => {
  test.setTimeout(180_000);
  // 阳城县人民政府办公室 is a county office, as 宽城's was; its 2023 report starts blank.
  const reportId = await createReport("yczfb", 2023);
  const page = await openReport(browser, "yczfb", reportId);

  // Step 一: the standard opening is there, citing the 条例, the format's 国办公开办函 and the period.
  await expect(page.getByTestId("step-title")).toHaveText("一、总体情况");
  const preamble = field(page, "preamble");
  await expect(preamble).toHaveValue(/中华人民共和国政府信息公开条例/);
  await expect(preamble).toHaveValue(/国办公开办函〔2021〕30号/);
  await expect(preamble).toHaveValue(/2023年1月1日/);

  const narratives = compiled.narrativeFields.filter((f) => f.id !== "preamble");
  const tableSteps = wizardSteps(layout).filter((step) => step.section?.kind === "table");
  for (const step of wizardSteps(layout)) {
    if (step.id === "check") continue;
    await goToStep(page, step.title);
    if (step.section?.kind === "narrative") {
      for (const text of narratives.filter((f) => f.sectionId === step.id)) {
        const value = seed002Corrected.narrative[text.id] ?? "";
        if (value) await field(page, text.id).fill(value);
      }
    } else {
      const cells = compiled.inputCells.filter((c) => c.tableId === step.id);
      for (const c of cells) await cell(page, c.id).fill(String(seed002Corrected.cells[c.id]));
      // Totals follow the parts, read-only.
      for (const c of compiled.totals.filter((x) => x.tableId === step.id)) {
        await expect(cell(page, c.id)).toHaveText(String(seed002Corrected.cells[c.id]));
      }
    }
  }
  expect(tableSteps).toHaveLength(3);
  // The accessible name of an input is its row and column.
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  await expect(page.getByRole("textbox", { name: "一、本年新收政府信息公开申请数量·自然人", exact: true })).toHaveValue(
    "35",
  );
  await expect(page.getByTestId("step-status-t3")).toHaveText(/已完成/);

  await goToStep(page, "检查并提交");
  await expect(page.getByTestId("check-clean")).toBeVisible();
  await expectSaved(page);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("read-only")).toBeVisible();

  const stored = await storedReport(reportId);
  expect(stored.status).toBe("SUBMITTED");
  for (const c of compiled.cells) expect(stored.data.cells[c.id], c.id).toBe(seed002Corrected.cells[c.id]);
  for (const text of narratives)
    expect(stored.data.narrative[text.id] ?? "").toBe(seed002Corrected.narrative[text.id] ?? "");
});

test("a wrong figure shows its message at the cell and in the step's summary, and blocks submission", async ({
  browser,
}) => {
  // The 自然人 column starts at 0, so its （七）总计 has every part and shows a figure
  // (a total with a blank part shows “—”, see wizard-layout.spec.ts).
  const naturalColumn = compiled.inputCells.filter((c) => c.tableId === "t3" && c.id.endsWith(".natural"));
  const reportId = await createReport("beiliu", 2022, {
    data: (blank) => ({
      ...blank,
      cells: { ...blank.cells, ...Object.fromEntries(naturalColumn.map((c) => [c.id, 0])) },
    }),
  });
  const page = await openReport(browser, "beiliu", reportId);
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  // 一 + 二 = 三（七） + 四 per column: 10 + 0 ≠ 6 + 0.
  await cell(page, "t3.r1.natural").fill("10");
  await cell(page, "t3.r2.natural").fill("0");
  await cell(page, "t3.r3_1.natural").fill("6");
  await cell(page, "t3.r4.natural").fill("0");
  await expect(cell(page, "t3.r3_7.natural")).toHaveText("6");
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("自然人");
  const link = summary.getByRole("link").first();
  const message = (await link.textContent()) ?? "";
  expect(message).toMatch(/10/);
  await link.click();
  // The link focuses the offending cell, which shows the same message.
  const focused = page.locator(":focus");
  await expect(focused).toHaveAttribute("data-cell", /^t3\.r[1-4]/);
  const cellId = (await focused.getAttribute("data-cell"))!;
  await expect(page.locator(`[id="message-${cellId}"]`)).toContainText(message.slice(0, 12));

  // Typing that is not a number is refused with a message, not dropped.
  await cell(page, "t3.r3_2.natural").fill("三件");
  await expect(page.locator('[id="message-t3.r3_2.natural"]')).toContainText("不是数字");
  await expect(cell(page, "t3.r3_2.natural")).toHaveAttribute("aria-invalid", "true");
  // Full-width digits and thousands separators are read as the clerk meant them.
  await cell(page, "t3.r3_2.natural").fill("１,０００");
  await expect(page.locator('[id="message-t3.r3_2.natural"]')).toHaveCount(0);
  await cell(page, "t3.r3_2.natural").blur();
  await expect(cell(page, "t3.r3_2.natural")).toHaveValue("1000");
  await expect(cell(page, "t3.r3_7.natural")).toHaveText("1006");
  await cell(page, "t3.r3_2.natural").fill("0");

  // Tab, Enter and the arrow keys move through the grid (totals are skipped).
  await cell(page, "t3.r1.natural").focus();
  await page.keyboard.press("Enter");
  await expect(cell(page, "t3.r2.natural")).toBeFocused();
  // Arriving selects the cell's 0, so → moves on at once (a caret inside a figure moves first).
  await page.keyboard.press("ArrowRight");
  await expect(cell(page, "t3.r2.business")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(cell(page, "t3.r1.business")).toBeFocused();
  await cell(page, "t3.r1.other").focus();
  await page.keyboard.press("Tab");
  await expect(cell(page, "t3.r2.natural")).toBeFocused();

  await goToStep(page, "检查并提交");
  await expect(page.getByTestId("check-errors")).toContainText("自然人");
  await expect(page.getByRole("button", { name: "提交审核" })).toBeDisabled();
});

test("every step of both layouts passes an axe scan with no serious or critical violations", async ({ browser }) => {
  test.setTimeout(120_000);
  for (const [username, year] of [
    ["xiangyun", 2023],
    ["huamachi", 2020],
  ] as const) {
    const reportId = await createReport(username, year);
    const page = await openReport(browser, username, reportId);
    const steps = wizardSteps(layoutForYear(year)!);
    for (const step of steps) {
      await goToStep(page, step.title);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
        `${year} ${step.title}`,
      ).toEqual([]);
    }
    await page.context().close();
  }
});

test("a warning needs a reason before submitting, and the reason is stored with the report", async ({ browser }) => {
  // Last year 结转下年度 was 2 (自然人); this year's 上年结转 says 0: the cross-year check warns.
  const previousCells = {
    ...seed002Corrected.cells,
    "t3.r4.natural": 2,
    "t3.r4.total": 2,
    "t3.r1.natural": 37,
    "t3.r1.total": 37,
  };
  await createReport("yczfb", 2021, { status: "PUBLISHED", data: (blank) => ({ ...blank, cells: previousCells }) });
  const reportId = await createReport("yczfb", 2022, {
    data: (blank) => ({
      ...blank,
      cells: { ...seed002Corrected.cells },
      narrative: { ...seed002Corrected.narrative, preamble: blank.narrative.preamble },
    }),
  });
  const page = await openReport(browser, "yczfb", reportId);
  await goToStep(page, "检查并提交");
  const warnings = page.getByTestId("warnings");
  await expect(warnings).toContainText("上年结转");
  const submit = page.getByRole("button", { name: "提交审核" });
  await expect(submit).toBeDisabled();
  // One warning per column that differs (自然人, 总计): each needs its reason.
  const reasons = warnings.getByRole("textbox");
  await expect(reasons).toHaveCount(2);
  await reasons.nth(0).fill("上年结转的 2 件已于上年底办结，台账已更正。");
  await expect(submit).toBeDisabled();
  await reasons.nth(1).fill("同上。");
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page.getByTestId("read-only")).toBeVisible();
  const stored = await withDatabase((db) =>
    db.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true, acknowledgements: true } }),
  );
  expect(stored.status).toBe("SUBMITTED");
  expect(Object.values(stored.acknowledgements as Record<string, string>)).toContain(
    "上年结转的 2 件已于上年底办结，台账已更正。",
  );
});

test("gov-2019 table 二: a decrease is typed as a negative number, money keeps at most 4 decimals", async ({
  browser,
}) => {
  const reportId = await createReport("wangyuejing", 2020);
  const page = await openReport(browser, "wangyuejing", reportId);
  await goToStep(page, "二、主动公开政府信息情况");
  await page.getByRole("textbox", { name: "行政许可·本年增/减", exact: true }).fill("-3");
  await page
    .getByRole("textbox", { name: "政府集中采购·采购总金额（单位：万元，保留4位小数）", exact: true })
    .fill("1.23456");
  await expect(page.locator('[id="message-t2.procurement.amount"]')).toContainText("4 位小数");
  await cell(page, "t2.procurement.amount").fill("12.3456万元");
  await expect(page.locator('[id="message-t2.procurement.amount"]')).toHaveCount(0);
  // A count cannot be negative.
  await cell(page, "t2.licensing.prevItems").fill("-1");
  await expect(page.locator('[id="message-t2.licensing.prevItems"]')).toBeVisible();
  await cell(page, "t2.licensing.prevItems").fill("8");
  await expectSaved(page);
  const stored = await storedReport(reportId);
  expect(stored.data.cells["t2.licensing.change"]).toBe(-3);
  expect(stored.data.cells["t2.procurement.amount"]).toBe(12.3456);
  expect(stored.data.cells["t2.licensing.prevItems"]).toBe(8);
});
