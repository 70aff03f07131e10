// The wizard's tables as a clerk meets them: live totals that never show a stale figure,
// a figure in a text checked where it is typed, wide tables that fit and keep their
// headers and labels in view, and the final check's grouped overview.
import type { Locator, Page } from "@playwright/test";
import { seed002Corrected } from "../fixtures";
import { compileLayout, getLayout } from "../lib/template";
import { expect, pageAs, signIn, test } from "./support/fixtures";
import { cell, createReport, field, goToStep, openReport } from "./wizard-helpers";

const layout = getLayout("gov-2021");
const compiled = compileLayout(layout);
const zeros = (tableId: string) =>
  Object.fromEntries(compiled.inputCells.filter((c) => c.tableId === tableId).map((c) => [c.id, 0]));

/** The note a computed total shows when a cell stops it (待填：… / 待改：…), in the total's own cell. */
function stopNote(page: Page, totalId: string): Locator {
  return page.locator("td", { has: cell(page, totalId) }).getByTestId("total-stop");
}

/** Types as a clerk does, key by key, so every intermediate text passes through the cell. */
async function typeInto(page: Page, cellId: string, text: string): Promise<void> {
  const input = cell(page, cellId);
  await input.fill("");
  await input.pressSequentially(text);
}

test("a total with a refused or blank part shows — and names the cell, never the figure left behind", async ({
  browser,
}) => {
  const reportId = await createReport("xiangyun", 2025, {
    data: (blank) => ({ ...blank, cells: { ...blank.cells, ...zeros("t3") } }),
  });
  const page = await openReport(browser, "xiangyun", reportId);
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  await expect(cell(page, "t3.r1.total")).toHaveText("0");

  // 99999999999 is refused at the cell; the form still holds 999999999, which the total must not show.
  await typeInto(page, "t3.r1.natural", "99999999999");
  await expect(page.locator('[id="message-t3.r1.natural"]')).toContainText("99999999999");
  await expect(cell(page, "t3.r1.total")).toHaveText("—");
  await expect(stopNote(page, "t3.r1.total")).toContainText("待改：自然人");
  await typeInto(page, "t3.r1.natural", "12");
  await expect(cell(page, "t3.r1.total")).toHaveText("12");
  await expect(stopNote(page, "t3.r1.total")).toHaveCount(0);

  // 3.5 and 1e3 are refused too; the row total, the column's （七）总计 and the grand total wait.
  const part = "t3.r3_1.natural";
  for (const entry of ["3.5", "1e3"]) {
    await typeInto(page, part, entry);
    await expect(page.locator(`[id="message-${part}"]`)).toBeVisible();
    await expect(cell(page, "t3.r3_1.total")).toHaveText("—");
    await expect(stopNote(page, "t3.r3_1.total")).toContainText("待改：自然人");
    await expect(cell(page, "t3.r3_7.natural")).toHaveText("—");
    await expect(stopNote(page, "t3.r3_7.natural")).toContainText("待改：（一）予以公开");
    await expect(cell(page, "t3.r3_7.total")).toHaveText("—");
  }
  // Left blank, it stops the totals as well, named as a cell to fill in; the note leads there.
  await cell(page, part).fill("");
  await expect(cell(page, "t3.r3_7.natural")).toHaveText("—");
  const note = stopNote(page, "t3.r3_7.natural");
  await expect(note).toContainText("待填：（一）予以公开");
  await expect(note).toHaveAttribute("title", /（一）予以公开·自然人”未填写/);
  await note.click();
  await expect(cell(page, part)).toBeFocused();
  await page.keyboard.type("4");
  await expect(cell(page, "t3.r3_7.natural")).toHaveText("4");
  await expect(cell(page, "t3.r3_7.total")).toHaveText("4");
});

test("a figure typed in （二）依申请公开 that contradicts table 三 is shown under that part, naming it", async ({
  browser,
}) => {
  // Not 朝阳镇, whose sign-in sign-in.spec pauses on purpose; not a year another spec writes for 县政府办.
  const reportId = await createReport("yczfb", 2024, {
    data: (blank) => ({ ...blank, cells: seed002Corrected.cells }),
  });
  const page = await openReport(browser, "yczfb", reportId);
  await expect(page.getByTestId("step-title")).toHaveText("一、总体情况");
  await field(page, "s1.onRequest").fill("全年共收到依申请公开30件，均已按时答复。");
  const message = page.locator('[id="message-s1.onRequest"]').getByTestId("field-message");
  await expect(message).toContainText("“（二）依申请公开”中写明收到政府信息公开申请 30 件");
  await expect(message).toContainText("一、本年新收政府信息公开申请数量·总计");
  await expect(message).toContainText("35");
  await expect(page.getByTestId("error-summary")).toContainText("“（二）依申请公开”中写明");
  // Corrected in the text, the warning goes away while typing.
  await field(page, "s1.onRequest").fill("全年共收到依申请公开35件，均已按时答复。");
  await expect(message).toHaveCount(0);
});

test("table 四 fits 1366 px, and the headers of table 三 stay in view while it scrolls", async ({ browser }) => {
  const reportId = await createReport("xiangyun", 2025);
  const page = await openReport(browser, "xiangyun", reportId);
  await page.setViewportSize({ width: 1366, height: 768 });
  await goToStep(page, "四、政府信息公开行政复议、行政诉讼情况");
  const box = page.locator('[data-grid="t4"]').locator("xpath=..");
  const fit = await box.evaluate((scroll) => {
    const frame = scroll.getBoundingClientRect();
    const headers = [...scroll.querySelectorAll("thead th")].map((th) => th.getBoundingClientRect());
    return {
      overflow: scroll.scrollWidth - scroll.clientWidth,
      clipped: headers.filter((r) => r.left < frame.left - 1 || r.right > frame.right + 1).length,
      headers: headers.length,
    };
  });
  expect(fit.headers).toBeGreaterThan(15);
  expect(fit).toMatchObject({ clipped: 0 });
  expect(fit.overflow).toBeLessThanOrEqual(1);

  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  const grid = page.locator('[data-grid="t3"]');
  const scroll = grid.locator("xpath=..");
  await scroll.evaluate((element) => element.scrollBy(0, 500));
  const stuck = await scroll.evaluate((element) => {
    const frame = element.getBoundingClientRect();
    const header = element.querySelector("thead th")!.getBoundingClientRect();
    const hit = document.elementFromPoint(header.left + header.width / 2, header.top + header.height / 2);
    return {
      scrolled: element.scrollTop,
      offset: Math.round(header.top - frame.top),
      isHeaderOnTop: hit?.closest("thead") !== null,
    };
  });
  expect(stuck.scrolled).toBeGreaterThan(100);
  expect(stuck.offset).toBeLessThanOrEqual(1);
  expect(stuck.isHeaderOnTop).toBe(true);
});

test("on a phone the row labels of table 三 stay in view while the figures scroll sideways", async ({ browser }) => {
  const reportId = await createReport("xiangyun", 2025);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  await signIn(page, "xiangyun");
  await page.goto(`/clerk/reports/${reportId}`);
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  const scroll = page.locator('[data-grid="t3"]').locator("xpath=..");
  await scroll.scrollIntoViewIfNeeded();
  const labels = await scroll.evaluate((element) => {
    element.scrollLeft = 10_000;
    const frame = element.getBoundingClientRect();
    const label = element.querySelector("tbody th")!.getBoundingClientRect();
    const hit = document.elementFromPoint(label.left + 5, label.top + label.height / 2);
    return {
      scrolled: element.scrollLeft,
      offset: Math.round(label.left - frame.left),
      isLabelOnTop: hit?.closest("tbody th") !== null,
      // The page itself never scrolls sideways: only the table's box does.
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  expect(labels.scrolled).toBeGreaterThan(50);
  expect(labels.offset).toBeLessThanOrEqual(1);
  expect(labels.isLabelOnTop).toBe(true);
  expect(labels.pageOverflow).toBeLessThanOrEqual(1);
  await context.close();
});

test("the reviewer's preview shows every column of table 三 at 1366 px, 总计 included", async ({ browser }) => {
  const reportId = await createReport("dongfeng", 2025, {
    status: "SUBMITTED",
    data: (blank) => ({ ...blank, cells: seed002Corrected.cells, narrative: seed002Corrected.narrative }),
  });
  const reviewer = await pageAs(browser, "yangcheng-review");
  await reviewer.setViewportSize({ width: 1366, height: 768 });
  await reviewer.goto(`/review/reports/${reportId}`);
  const total = reviewer.locator('.review-layout__document [data-cell-id="t3.r1.total"]');
  await expect(total).toHaveText("35");
  const shown = await total.evaluate((td) => {
    const scroll = td.closest(".rd-table-scroll")!;
    const frame = scroll.getBoundingClientRect();
    const rect = td.getBoundingClientRect();
    return {
      overflow: scroll.scrollWidth - scroll.clientWidth,
      isInside: rect.left >= frame.left - 1 && rect.right <= frame.right + 1,
    };
  });
  expect(shown).toEqual({ overflow: expect.any(Number), isInside: true });
  expect(shown.overflow).toBeLessThanOrEqual(1);
});

test("the check of an empty report says what is missing per table and part, each line leading to its first cell", async ({
  browser,
}) => {
  const reportId = await createReport("xiangyun", 2025);
  const page = await openReport(browser, "xiangyun", reportId);
  await goToStep(page, "检查并提交");
  const errors = page.getByTestId("check-errors");
  const t3Cells = compiled.inputCells.filter((c) => c.tableId === "t3");
  const t3Rows = new Set(t3Cells.map((c) => `${c.gridId}.${c.row}`)).size;
  const groups = errors.getByTestId("issue-group");
  await expect(groups.filter({ hasText: `表三有 ${t3Rows} 行未填写（共 ${t3Cells.length} 格）` })).toHaveCount(1);
  const overview = groups.filter({ hasText: "一、总体情况有 5 部分未填写" });
  await expect(overview).toHaveCount(1);
  // Each finding stays reachable under its group.
  await overview.getByText("逐条查看（5 条）").click();
  await expect(overview.getByRole("link", { name: "请填写“（五）监督保障”" })).toBeVisible();

  await groups.getByRole("link", { name: /^表四有 \d+ 行未填写/ }).click();
  await expect(page.getByTestId("step-title")).toHaveText("四、政府信息公开行政复议、行政诉讼情况");
  const firstT4 = compiled.inputCells.find((c) => c.tableId === "t4")!;
  await expect(cell(page, firstT4.id)).toBeFocused();
});
