import type { Page } from "@playwright/test";
import { compileLayout, getLayout } from "../lib/template";
import { expect, test } from "./support/fixtures";
import { cell, createReport, expectSaved, goToStep, openReport, storedReport, withDatabase } from "./wizard-helpers";

/** The audit log's entries of `action` for the report (操作记录). */
function auditComments(reportId: string, action: string): Promise<(string | null)[]> {
  return withDatabase(async (db) =>
    (await db.auditEvent.findMany({ where: { reportId, action }, orderBy: { createdAt: "asc" } })).map(
      (event) => event.comment,
    ),
  );
}

const layout = getLayout("gov-2021");
const compiled = compileLayout(layout);
const tableIds = layout.sections.filter((s) => s.kind === "table").map((s) => s.id);
const inputsOf = (tableId: string) => compiled.inputCells.filter((c) => c.tableId === tableId);

/** Pastes `text` into the focused element as the browser hands a clipboard paste to the page. */
async function pasteIntoFocused(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const target = document.activeElement!;
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test("an all-zero report's tables are completed in under ten actions, and the fill is undoable", async ({
  browser,
}) => {
  const reportId = await createReport("baisang", 2024);
  const page = await openReport(browser, "baisang", reportId);
  let actions = 0;
  const act = async (work: () => Promise<void>) => {
    actions += 1;
    await work();
  };

  await act(() => goToStep(page, "二、主动公开政府信息情况"));
  // A figure typed before is kept by the fill (typing it is not one of the counted actions).
  await cell(page, "t2.rules.issued").fill("3");
  await act(() => page.getByTestId("fill-zero-table").click());
  await expect(page.getByTestId("act-notice")).toContainText(`已将 ${inputsOf("t2").length - 1} 个空白格填为 0`);
  await expect(cell(page, "t2.rules.issued")).toHaveValue("3");

  await act(() => goToStep(page, "三、收到和处理政府信息公开申请情况"));
  // 三 and 四 at once: the layout names them as the tables most units have nothing in.
  await act(() => page.getByTestId("fill-zero-group").click());
  const t3t4 = inputsOf("t3").length + inputsOf("t4").length;
  await expect(page.getByTestId("act-notice")).toContainText(`已将 ${t3t4} 个空白格填为 0`);
  await expect(cell(page, "t3.r1.natural")).toHaveValue("0");
  await expect(cell(page, "t3.r1.total")).toHaveText("0");

  await act(() => goToStep(page, "四、政府信息公开行政复议、行政诉讼情况"));
  await expect(cell(page, "t4.review.upheld")).toHaveValue("0");

  await act(() => goToStep(page, "检查并提交"));
  await expect(page.getByTestId("step-title")).toHaveText("检查并提交");
  await expect(page.getByText(/没有发生的请填 0/)).toHaveCount(0);
  expect(actions).toBeLessThan(10);

  await expectSaved(page);
  const stored = await storedReport(reportId);
  for (const tableId of tableIds)
    for (const input of inputsOf(tableId))
      expect(stored.data.cells[input.id], input.id).toBe(input.id === "t2.rules.issued" ? 3 : 0);

  // Each fill was audited by the save that stored it.
  expect(await auditComments(reportId, "report.fillZero")).toEqual([
    `二、主动公开政府信息情况：本年度未发生，已将 ${inputsOf("t2").length - 1} 个空白格填为 0`,
    `三、收到和处理政府信息公开申请情况、四、政府信息公开行政复议、行政诉讼情况：本年度未发生，已将 ${t3t4} 个空白格填为 0`,
  ]);

  // 撤销 takes the last fill (三 and 四) back as one step, and only that one.
  await goToStep(page, "四、政府信息公开行政复议、行政诉讼情况");
  await page.getByTestId("undo-act").click();
  await expect(page.getByTestId("act-notice")).toContainText(`已撤销：已将 ${t3t4} 个空白格填为 0`);
  await expect(cell(page, "t4.review.upheld")).toHaveValue("");
  await expectSaved(page);
  const undone = await storedReport(reportId);
  expect(undone.data.cells["t4.review.upheld"]).toBeNull();
  expect(undone.data.cells["t3.r1.natural"]).toBeNull();
  expect(undone.data.cells["t2.normative.issued"]).toBe(0);
  expect(await auditComments(reportId, "report.undoFillZero")).toEqual([
    `三、收到和处理政府信息公开申请情况、四、政府信息公开行政复议、行政诉讼情况：撤销本年度未发生，${t3t4} 格恢复为空白`,
  ]);
});

test("a block copied with its row labels lands on the labelled rows whatever cell has the focus; Ctrl+Z undoes it", async ({
  browser,
}) => {
  const reportId = await createReport("beiliu", 2024);
  const page = await openReport(browser, "beiliu", reportId);
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  await cell(page, "t3.r4.legal").fill("9");
  // As copied from last year's Excel table: labels first, then six figures and 总计.
  const copied = [
    "一、本年新收政府信息公开申请数量\t35\t0\t1\t0\t0\t0\t36",
    "（三）不予公开\t1.属于国家秘密\t2\t0\t0\t0\t0\t0\t2",
  ].join("\r\n");
  await cell(page, "t3.r2.research").focus();
  await pasteIntoFocused(page, copied);

  const preview = page.getByTestId("paste-preview");
  await expect(preview).toBeVisible();
  const rows = preview.getByTestId("paste-preview-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("一、本年新收政府信息公开申请数量");
  await expect(rows.nth(0)).toContainText("自然人 35");
  await expect(rows.nth(1)).toContainText("1.属于国家秘密");
  await preview.getByRole("button", { name: "确认粘贴" }).click();
  await expect(preview).toBeHidden();

  await expect(cell(page, "t3.r1.natural")).toHaveValue("35");
  await expect(cell(page, "t3.r1.research")).toHaveValue("1");
  await expect(cell(page, "t3.r1.total")).toHaveText("36");
  await expect(cell(page, "t3.r3_3_1.natural")).toHaveValue("2");
  await expect(cell(page, "t3.r2.research")).toHaveValue("");
  await expect(cell(page, "t3.r2.natural")).toHaveValue("");

  // Focus is back on the cell the paste started from; Ctrl+Z there undoes the whole paste.
  await expect(cell(page, "t3.r2.research")).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("act-notice")).toContainText("已撤销：已粘贴");
  await expect(cell(page, "t3.r1.natural")).toHaveValue("");
  await expect(cell(page, "t3.r3_3_1.natural")).toHaveValue("");
  await expect(cell(page, "t3.r4.legal")).toHaveValue("9");
  await expectSaved(page);
  const stored = await storedReport(reportId);
  expect(stored.data.cells["t3.r1.natural"]).toBeNull();
  expect(stored.data.cells["t3.r3_3_1.natural"]).toBeNull();
  expect(stored.data.cells["t3.r4.legal"]).toBe(9);

  // 取消 writes nothing.
  await cell(page, "t3.r1.natural").focus();
  await pasteIntoFocused(page, copied);
  await preview.getByRole("button", { name: "取消" }).click();
  await expect(preview).toBeHidden();
  await expect(cell(page, "t3.r1.natural")).toHaveValue("");
});

test("Enter moves down, Tab right, arrows between cells, skipping computed totals", async ({ browser }) => {
  const reportId = await createReport("xiangyun", 2024);
  const page = await openReport(browser, "xiangyun", reportId);
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  await cell(page, "t3.r1.natural").focus();
  await page.keyboard.type("1");
  await page.keyboard.press("Enter");
  await expect(cell(page, "t3.r2.natural")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(cell(page, "t3.r2.business")).toBeFocused();
  await page.keyboard.type("25");
  // The caret is at the end: → leaves the cell; ← first moves the caret inside the figure.
  await page.keyboard.press("ArrowRight");
  await expect(cell(page, "t3.r2.research")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  // Arriving selects the whole figure, so ← moves on at once.
  await expect(cell(page, "t3.r2.business")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await expect(cell(page, "t3.r2.business")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(cell(page, "t3.r2.natural")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(cell(page, "t3.r1.natural")).toBeFocused();
  // Down from the last typed row skips the computed （七）总计 row.
  await cell(page, "t3.r3_6_3.natural").focus();
  await page.keyboard.press("ArrowDown");
  await expect(cell(page, "t3.r4.natural")).toBeFocused();
  await page.keyboard.press("Shift+Enter");
  await expect(cell(page, "t3.r3_6_3.natural")).toBeFocused();
  await expectSaved(page);
  const stored = await storedReport(reportId);
  expect(stored.data.cells["t3.r1.natural"]).toBe(1);
  expect(stored.data.cells["t3.r2.business"]).toBe(25);
});
