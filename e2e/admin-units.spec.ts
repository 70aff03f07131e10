import { readFileSync } from "node:fs";
import path from "node:path";
import {
  demonstrationCounty,
  demonstrationUnits,
  governmentCreditCode,
  unitImportHeader,
} from "../fixtures/spreadsheets/demonstration-county";
import { writeXlsx } from "../fixtures/spreadsheets/write-spreadsheets";
import { reportingYear } from "../lib/reports/reporting-year";
import { createAccountOn } from "./support/accounts";
import { expect, signIn, test } from "./support/fixtures";

// A county sets itself up: the system administrator creates 示范县; its administrator imports
// its 20 units from a workbook (row problems shown first, the clean rows imported, the same
// list again — and as LibreOffice saved it — changes nothing), sets the reporting calendar and
// retires a unit; a clerk of one of the new units sees the county's deadline on their home page.
const password = "shifan-county-2026";
const year = reportingYear(new Date());

test.describe.configure({ mode: "serial" });

test("the system administrator creates a county", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/units");
  await page.getByRole("link", { name: "新建县（区）" }).click();
  await page.getByLabel("单位名称").fill(demonstrationCounty.name);
  // A code that is not a county's is answered at the field, linked from the summary.
  await page.getByLabel("行政区划代码").fill("149900");
  await page.getByRole("button", { name: "创建单位" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("以 00 结尾的是地级市的代码");
  await summary.getByRole("link").click();
  await expect(page.getByLabel("行政区划代码")).toBeFocused();
  await page.getByLabel("行政区划代码").fill(demonstrationCounty.divisionCode);
  await page.getByRole("button", { name: "创建单位" }).click();
  await expect(page).toHaveURL(/\/admin\/units\?created=/);
  await expect(page.getByTestId("unit-tree").locator(`tr[data-unit="${demonstrationCounty.name}"]`)).toContainText(
    demonstrationCounty.divisionCode,
  );
  await createAccountOn(demonstrationCounty.name, { username: "shifan-admin", role: "COUNTY_ADMIN", password });
});

test("the county administrator imports 20 units, row problems first, and the same list again changes nothing", async ({
  page,
}) => {
  await signIn(page, "shifan-admin", password);
  await page.goto("/admin");
  await page.getByRole("link", { name: "导入单位名单" }).click();
  await expect(page.getByText(`导入到：${demonstrationCounty.name}`)).toBeVisible();
  const template = await page.request.get("/admin/units/import/template");
  expect(template.headers()["content-type"]).toContain("spreadsheetml");

  const withProblems = await writeXlsx([
    unitImportHeader,
    ...demonstrationUnits,
    ["未知上级的中心", "县直部门", "不存在的镇", "", ""],
    ["重复代码镇", "镇", "", demonstrationUnits[2]![3]!, ""],
    ["校验错误局", "县直部门", "", "", `${governmentCreditCode("149901", "000000099").slice(0, 17)}0`],
    ["某某村", "村", "", "", ""],
  ]);
  const upload = async (name: string, buffer: Uint8Array) => {
    await page.getByLabel("单位名单文件").setInputFiles({
      name,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(buffer),
    });
    await page.getByRole("button", { name: "上传并预览" }).click();
  };
  await upload("示范县单位.xlsx", withProblems);
  // The first upload of a run also starts the reading pool's threads: on a busy machine, more than the usual wait.
  await expect(page.getByTestId("import-counts")).toHaveText(
    "共 24 行：将新建 20 个，已有 0 个（不变），有问题 4 行。",
    { timeout: 30_000 },
  );
  const problems = page.getByTestId("import-preview").locator('tr[data-outcome="problem"]');
  await expect(problems).toHaveCount(4);
  await expect(problems.nth(0)).toContainText("找不到上级单位“不存在的镇”");
  await expect(problems.nth(1)).toContainText("与第 4 行重复");
  await expect(problems.nth(2)).toContainText("校验码（第 18 位）不符");
  await expect(problems.nth(3)).toContainText("类型“村”无法识别");
  await page.getByRole("button", { name: "只导入没有问题的 20 行" }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    "导入完成：新建 20 个单位，已有 0 个未改动，跳过有问题的 4 行。",
  );

  // The same file again: nothing new.
  await upload("示范县单位.xlsx", withProblems);
  await expect(page.getByTestId("import-counts")).toHaveText(
    "共 24 行：将新建 0 个，已有 20 个（不变），有问题 4 行。",
  );
  // The clean list as LibreOffice Calc saved it: everything is there already.
  await upload(
    "units-libreoffice.xlsx",
    new Uint8Array(readFileSync(path.join(import.meta.dirname, "../fixtures/spreadsheets/units-libreoffice.xlsx"))),
  );
  await expect(page.getByTestId("import-counts")).toHaveText(
    "共 20 行：将新建 0 个，已有 20 个（不变），有问题 0 行。",
  );
  await expect(page.getByText("表中的单位都已存在，导入不会有任何改变。")).toBeVisible();

  // A file that is not a list is refused with its reason, and changes nothing.
  await page.getByLabel("单位名单文件").setInputFiles({
    name: "宏.xlsm",
    mimeType: "application/vnd.ms-excel.sheet.macroEnabled.12",
    buffer: Buffer.from(withProblems),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.locator(".error-summary")).toContainText("含宏的工作簿（.xlsm）不能上传");

  await page.goto("/admin/units");
  const tree = page.getByTestId("unit-tree");
  await expect(tree.locator("tbody tr")).toHaveCount(21);
  await expect(tree.locator('tr[data-unit="示范镇便民服务中心"]')).toContainText("县直部门");
});

test("the county administrator sets the calendar and retires a unit", async ({ page }) => {
  await signIn(page, "shifan-admin", password);
  await page.goto("/admin/calendar");
  await expect(page.getByRole("heading", { name: new RegExp(`示范县 ${year} 年度`) })).toContainText("尚未设置");
  await expect(page.getByLabel("乡镇（街道）和县直部门的公布期限")).toHaveValue(`${year + 1}-01-31`);
  // The county's deadline before its units' is answered at the field.
  await page.getByLabel("县政府的公布期限").fill(`${year + 1}-01-10`);
  await page.getByRole("button", { name: "保存报告期" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("县政府的公布期限不应早于");
  await page.getByLabel("乡镇（街道）和县直部门的公布期限").fill(`${year + 1}-01-20`);
  await page.getByLabel("县政府的公布期限").fill(`${year + 1}-03-20`);
  await page.getByRole("button", { name: "保存报告期" }).click();
  await expect(page.getByText(`已保存 ${year} 年度的报告期。`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("县政府的公布期限")).toHaveValue(`${year + 1}-03-20`);

  await page.goto("/admin/units");
  await page.getByTestId("unit-tree").getByRole("link", { name: "石门乡人民政府" }).click();
  await page.getByRole("button", { name: "停用本单位" }).click();
  await page.getByRole("button", { name: "确定停用" }).click();
  await expect(page.getByText("本单位已停用：已公开的报告仍在网站上")).toBeVisible();
  await page.goto("/admin/units");
  await expect(page.getByTestId("unit-tree").locator('tr[data-unit="石门乡人民政府"]')).toContainText("已停用");
  // The county itself is the system administrator's: its page is not this administrator's.
  const county = await page
    .getByTestId("unit-tree")
    .getByRole("link", { name: demonstrationCounty.name, exact: true })
    .getAttribute("href");
  expect((await page.goto(county!))?.status()).toBe(404);
});

test("a clerk of the county sees its deadline; a clerk of the retired unit cannot start", async ({ page, browser }) => {
  await createAccountOn("示范镇人民政府", { username: "shifan-town", role: "CLERK", password });
  await signIn(page, "shifan-town", password);
  await page.goto("/clerk");
  await expect(page.getByTestId("deadline")).toContainText(`报告须于 ${year + 1} 年 1 月 20 日前公布`);

  await createAccountOn("石门乡人民政府", { username: "shifan-shimen", role: "CLERK", password });
  const retired = await (await browser.newContext()).newPage();
  await signIn(retired, "shifan-shimen", password);
  await retired.goto("/clerk");
  await expect(retired.getByText("本单位已停用，不再参加新的年度报告")).toBeVisible();
  await expect(retired.getByRole("button", { name: /开始填写/ })).toHaveCount(0);
});
