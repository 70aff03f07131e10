// The Excel/WPS round trip in the clerk's wizard: the tables downloaded with their figures,
// edited by a script and saved again by LibreOffice Calc as a clerk's office program would,
// uploaded back: the preview lists exactly the edited cells and what could not be read, and
// only 确认写入草稿 puts them into the draft, saved through the normal save path.
import { readFile } from "node:fs/promises";
import { editWorkbookCells, resaveWithLibreOffice } from "../fixtures/spreadsheets/office-round-trip";
import { withMacros } from "../fixtures/spreadsheets/write-spreadsheets";
import { readReportWorkbook } from "../lib/import/spreadsheet/read-report-workbook";
import { workbookCellName } from "../lib/import/spreadsheet/report-workbook-names";
import { spreadsheetMessages } from "../lib/import/spreadsheet/messages";
import { compileLayout, getLayout } from "../lib/template";
import { expect, test } from "./support/fixtures";
import { cell, createReport, expectSaved, goToStep, openReport, storedReport } from "./wizard-helpers";

const layout = getLayout("gov-2021");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

test("a workbook re-saved by LibreOffice Calc changes exactly the cells edited, after the clerk confirms", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const reportId = await createReport("baisang", 2025, {
    data: (blank) => ({
      ...blank,
      cells: { ...blank.cells, "t3.r1.natural": 4, "t3.r1.business": 1, "t2.rules.issued": 2 },
    }),
  });
  const before = await storedReport(reportId);
  const page = await openReport(browser, "baisang", reportId);
  const panel = page.getByTestId("workbook-panel");

  const blank = await page.request.get(`/api/reports/${reportId}/xlsx`);
  expect(blank.status()).toBe(200);
  expect(blank.headers()["content-type"]).toBe(XLSX);

  const downloading = page.waitForEvent("download");
  await panel.getByRole("link", { name: "含已填数字" }).click();
  const download = await downloading;
  const downloaded = new Uint8Array(await readFile((await download.path())!));

  const reading = await readReportWorkbook(downloaded);
  if (!reading.ok) throw new Error(reading.message);
  const addressOf = (cellId: string) =>
    reading.cells.find((c) => c.name === workbookCellName(layout.id, cellId))!.address;
  // The cells of table 三 and 四 named by the compiled layout: the first input cell of each grid.
  const compiled = compileLayout(layout);
  const t3 = compiled.inputCells.find((c) => c.tableId === "t3")!;
  const t4 = compiled.inputCells.find((c) => c.tableId === "t4")!;
  const refused = compiled.inputCells.filter((c) => c.tableId === "t3")[7]!;
  expect(before.data.cells[t3.id]).toBe(4);
  const edited = resaveWithLibreOffice(
    await editWorkbookCells(downloaded, {
      [addressOf(t3.id)]: 9,
      [addressOf(t4.id)]: 2,
      [addressOf(refused.id)]: "两件",
    }),
  );

  await panel
    .getByLabel("上传填好的表格")
    .setInputFiles({ name: "填好的表格.xlsx", mimeType: XLSX, buffer: Buffer.from(edited) });
  const preview = page.getByTestId("workbook-preview");
  await expect(preview).toBeVisible({ timeout: 30_000 });
  const changes = preview.getByRole("table", { name: "将写入草稿的改动" });
  await expect(changes.locator("tbody tr")).toHaveCount(2);
  await expect(changes.locator("tbody tr").nth(0)).toContainText(t3.columnLabel);
  await expect(changes.locator("tbody tr").nth(0).locator("td")).toHaveText(["4", "9"]);
  await expect(changes.locator("tbody tr").nth(1).locator("td")).toHaveText(["（空）", "2"]);
  await expect(preview.getByRole("list", { name: "未能读取的格子" })).toContainText("“两件”不是数字");
  await expect(preview).toContainText("写入后的检查结果");

  // Nothing is written before the clerk confirms.
  expect((await storedReport(reportId)).version).toBe(before.version);
  await preview.getByRole("button", { name: "确认写入草稿" }).click();
  await expect(page.getByTestId("workbook-written")).toContainText("2 处改动");
  await expectSaved(page);

  const after = await storedReport(reportId);
  expect(after.version).toBe(before.version + 1);
  const changed = compiled.inputCells
    .filter((c) => (after.data.cells[c.id] ?? null) !== (before.data.cells[c.id] ?? null))
    .map((c) => [c.id, after.data.cells[c.id]]);
  expect(changed).toEqual([
    [t3.id, 9],
    [t4.id, 2],
  ]);
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  await expect(cell(page, t3.id)).toHaveValue("9");
});

test("a workbook carrying macros is refused with a zh-CN message and changes nothing", async ({ browser }) => {
  const reportId = await createReport("fengcheng", 2022);
  const before = await storedReport(reportId);
  const page = await openReport(browser, "fengcheng", reportId);
  const response = await page.request.get(`/api/reports/${reportId}/xlsx?figures=1`);
  const hostile = withMacros(new Uint8Array(await response.body()));
  const panel = page.getByTestId("workbook-panel");
  await panel
    .getByLabel("上传填好的表格")
    .setInputFiles({ name: "表格.xlsx", mimeType: XLSX, buffer: Buffer.from(hostile) });
  await expect(panel.getByRole("alert")).toHaveText(spreadsheetMessages.macros());
  await expect(page.getByTestId("workbook-preview")).toHaveCount(0);
  expect((await storedReport(reportId)).version).toBe(before.version);
});
