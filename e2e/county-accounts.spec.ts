import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { writeXlsx, withMacros } from "../fixtures/spreadsheets/write-spreadsheets";
import { expect, signIn, test } from "./support/fixtures";
import { trialCounty, userIdOf } from "./support/trial-county";

// A county sets itself up from nothing: the system administrator creates the county and its
// administrator; the administrator chooses a password, imports the county's 20 units from one
// .xlsx and 20 clerks from another, and downloads their initial passwords; a clerk signs in
// with one, must choose a password of their own, and starts the report; a disabled clerk's
// open session ends; a reset password works once; everything is in 操作记录.
test.describe.configure({ mode: "serial" });

const countyAdmin = { username: "trial-county-admin", password: "" };
const clerks: { username: string; password: string }[] = [];
const ownPassword = (username: string) => `${username}-自己的-密码`;
const towns = trialCounty.clerkUnits;

/** A new browser context, signed in through the form with a password that may have to be changed next. */
async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, password);
  return page;
}

/** Chooses a new password on the page every new account lands on first. */
async function chooseOwnPassword(page: Page, username: string): Promise<void> {
  await expect(page).toHaveURL("/account/password");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("设置新密码");
  const attempt = async (password: string) => {
    await page.getByLabel("新密码", { exact: true }).fill(password);
    await page.getByLabel("再次输入新密码").fill(password);
    await page.getByRole("button", { name: "保存新密码" }).click();
  };
  await attempt("a1234567");
  await expect(page.locator(".error-summary")).toContainText("这是常见密码");
  await expect(page.locator("#newPassword-error")).toContainText("这是常见密码");
  await attempt(username);
  await expect(page.locator(".error-summary")).toContainText("密码不能与用户名相同");
  await attempt(ownPassword(username));
  await expect(page).not.toHaveURL("/account/password");
}

test("the system administrator creates the county and its administrator; bad input changes nothing", async ({
  browser,
}) => {
  const page = await signedIn(browser, "admin", "nianbao-demo");
  await page.goto("/admin/units");
  await page.getByRole("link", { name: "新建县（区）" }).click();
  await page.getByLabel("单位名称").fill(trialCounty.name);
  await page.getByLabel("行政区划代码").fill(trialCounty.divisionCode);
  await page.getByRole("button", { name: "创建单位" }).click();
  await expect(page).toHaveURL(/\/admin\/units\?created=/);
  await expect(page.getByTestId("unit-tree").locator(`tr[data-unit="${trialCounty.name}"]`)).toContainText(
    trialCounty.divisionCode,
  );

  await page.goto("/admin/accounts/new");
  await expect(page.getByRole("heading", { level: 1, name: "新建账号" })).toBeVisible();
  // Hostile input: every field answered at the field, nothing created.
  await page.getByLabel("用户名").fill("bad\u0007name");
  await page.getByLabel("姓名").fill("名".repeat(10_000));
  await page.getByLabel("联系电话（选填）").fill("call me maybe");
  await page.getByRole("button", { name: "创建账号" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("用户名只能用小写字母、数字和 . _ -");
  await expect(summary).toContainText("姓名不超过 50 个字");
  await expect(summary).toContainText("电话号码只能包含数字");
  await expect(page.getByLabel("姓名")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("用户名").fill("dongfeng");
  await page.getByLabel("姓名").fill("试点县 管理员");
  await page.getByLabel("联系电话（选填）").fill("");
  await page.getByLabel("角色").selectOption({ label: "县级管理员" });
  await page.getByLabel("单位", { exact: true }).selectOption({ label: trialCounty.name });
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(summary).toContainText("用户名 dongfeng 已被使用");

  await page.getByLabel("用户名").fill(countyAdmin.username);
  await page.getByLabel("联系电话（选填）").fill("0356-1234567");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByRole("heading", { name: "账号已创建：试点县 管理员" })).toBeVisible();
  await expect(page.getByTestId("created-username")).toHaveText(countyAdmin.username);
  countyAdmin.password = (await page.getByTestId("initial-password").textContent()) ?? "";
  expect(countyAdmin.password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);

  await page.goto(`/admin/accounts?q=${countyAdmin.username}`);
  await expect(page.getByTestId("account-list").getByRole("row")).toHaveCount(2);
  await expect(page.getByTestId("account-list")).toContainText("待设置密码");
  await page.context().close();
});

test("the county administrator chooses a password and imports the county's 20 units from an .xlsx", async ({
  browser,
}) => {
  const page = await signedIn(browser, countyAdmin.username, countyAdmin.password);
  // Nothing but the password page until a password of its own is chosen.
  await page.goto("/admin/accounts");
  await expect(page).toHaveURL("/account/password");
  await chooseOwnPassword(page, countyAdmin.username);
  await expect(page).toHaveURL("/admin");

  await page.getByRole("link", { name: "导入单位名单" }).click();
  await expect(page.getByText(`导入到：${trialCounty.name}`)).toBeVisible();
  await page.getByLabel("单位名单文件").setInputFiles({
    name: "试点县单位.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await writeXlsx(trialCounty.unitRows)),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  // The first upload of a run also starts the reading pool's threads: on a busy machine, more than the usual wait.
  await expect(page.getByTestId("import-counts")).toHaveText(
    "共 20 行：将新建 20 个，已有 0 个（不变），有问题 0 行。",
    { timeout: 30_000 },
  );
  await page.getByRole("button", { name: "导入 20 个单位" }).click();
  await expect(page.getByTestId("import-result")).toContainText("导入完成：新建 20 个单位");
  await page.goto("/admin/units");
  await expect(page.getByTestId("unit-tree").locator("tbody tr")).toHaveCount(21);

  // A reviewer or county administrator belongs to the county itself, not to one of its units.
  await page.goto("/admin/accounts/new");
  await page.getByLabel("用户名").fill("trial-town-review");
  await page.getByLabel("姓名").fill("城关镇 审核");
  await page.getByLabel("角色").selectOption({ label: "审核人员" });
  await page.getByLabel("单位", { exact: true }).selectOption({ label: towns[0] });
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.locator(".error-summary")).toContainText("审核人员和县级管理员须属于县（区）本级");
  await page.context().close();
});

test("the county administrator imports 20 clerks from another .xlsx and downloads their passwords", async ({
  browser,
}) => {
  const page = await signedIn(browser, countyAdmin.username, ownPassword(countyAdmin.username));
  await page.goto("/admin/accounts/import");
  await expect(page.getByLabel("县（区）")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel("县（区）").locator("option")).toHaveText([trialCounty.name]);
  const header = ["用户名", "姓名", "单位", "角色", "联系电话"];
  const rows = Array.from({ length: 20 }, (_, index) => [
    `trial-clerk-${String(index + 1).padStart(2, "0")}`,
    `试点 填报员${index + 1}`,
    towns[index % towns.length]!,
    "填报人员",
    "",
  ]);
  const upload = async (name: string, buffer: Uint8Array) => {
    await page
      .getByLabel("账号名单")
      .setInputFiles({ name, mimeType: "application/octet-stream", buffer: Buffer.from(buffer) });
    await page.getByRole("button", { name: "导入账号" }).click();
  };

  // A list with bad rows: each answered, nothing created.
  await upload(
    "名单.xlsx",
    await writeXlsx([
      header,
      ...rows.slice(0, 18),
      ["trial-clerk-01", "重复", towns[0]!, "填报人员", ""],
      ["trial-boss", "总管", trialCounty.name, "系统管理员", ""],
      ["trial-x", { formula: "1+1", result: 2 }, "阳城县", "填报人员", ""],
    ]),
  );
  const rowErrors = page.getByTestId("row-errors");
  await expect(rowErrors).toContainText("有 3 行需要改正，本次没有创建任何账号");
  await expect(rowErrors).toContainText("用户名 trial-clerk-01 与第 2 行重复");
  await expect(rowErrors).toContainText("您不能创建“系统管理员”账号");
  await expect(rowErrors).toContainText("B 列是公式");
  await expect(rowErrors).toContainText(`${trialCounty.name}没有名为“阳城县”的单位`);
  // A workbook with macros is refused whole.
  await upload("名单.xlsx", withMacros(await writeXlsx([header, ...rows])));
  await expect(page.getByText(/工作簿中含有宏/)).toBeVisible();

  await upload("试点县账号.xlsx", await writeXlsx([header, ...rows]));
  await expect(page.getByRole("heading", { name: `已为${trialCounty.name}创建 20 个账号` })).toBeVisible();
  const created = page.getByTestId("created-accounts").locator("tbody tr");
  await expect(created).toHaveCount(20);
  const shown = await created.evaluateAll((trs) =>
    trs.map((tr) => ({
      username: tr.querySelector("th")!.textContent!,
      password: tr.querySelector("code")!.textContent!,
    })),
  );

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载初始密码清单（CSV）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`初始密码-${trialCounty.name}-20个账号.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("用户名,姓名,单位,角色,初始密码");
  expect(lines).toHaveLength(21);
  for (const [index, account] of shown.entries()) {
    expect(lines[index + 1]).toBe(
      `${account.username},试点 填报员${index + 1},${towns[index % towns.length]},填报人员,${account.password}`,
    );
  }
  clerks.push(...shown);
  await page.context().close();
});

test("a new clerk signs in with the initial password, must choose a new one, and starts the report", async ({
  browser,
}) => {
  const clerk = clerks[0]!;
  const page = await signedIn(browser, clerk.username, clerk.password);
  await page.goto("/clerk");
  await expect(page).toHaveURL("/account/password");
  await chooseOwnPassword(page, clerk.username);
  await expect(page).toHaveURL("/clerk");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("城关镇人民政府");
  await page.getByRole("button", { name: /开始填写/ }).click();
  await expect(page).toHaveURL(/\/clerk\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("report-title")).toContainText("城关镇人民政府");

  // The initial password no longer works; the clerk's own does.
  await page.getByRole("button", { name: "退出登录" }).click();
  // Signed out only once the page says so; before that /login still sees the session.
  await expect(page.getByText("您已安全退出。")).toBeVisible();
  await page.getByLabel("用户名").fill(clerk.username);
  await page.getByLabel("密码").fill(clerk.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator(".error-summary")).toContainText("用户名或密码不正确。");
  await signIn(page, clerk.username, ownPassword(clerk.username));
  await expect(page).toHaveURL("/clerk");
  await page.context().close();
});

test("a disabled clerk's open session is refused on its next request", async ({ browser }) => {
  const clerk = clerks[1]!;
  const clerkPage = await signedIn(browser, clerk.username, clerk.password);
  await chooseOwnPassword(clerkPage, clerk.username);
  await expect(clerkPage).toHaveURL("/clerk");

  const admin = await signedIn(browser, countyAdmin.username, ownPassword(countyAdmin.username));
  admin.on("dialog", (dialog) => void dialog.accept());
  await admin.goto(`/admin/accounts?q=${clerk.username}`);
  await admin.getByRole("link", { name: clerk.username }).click();
  await admin.getByRole("button", { name: "停用账号" }).click();
  await expect(admin.getByTestId("account-status")).toContainText("已停用");

  // The clerk's open page: its next action is refused, and so is its next page.
  // The action answers 请先登录。 — or, when the refused session's cookie is cleared in the
  // same answer, Next re-renders the page, which sends the clerk to the sign-in page.
  await clerkPage.getByRole("button", { name: /开始填写/ }).click();
  await expect(
    clerkPage.getByText("请先登录。").or(clerkPage.getByRole("heading", { level: 1, name: "工作人员登录" })),
  ).toBeVisible();
  await expect(clerkPage).not.toHaveURL(/\/clerk\/reports\//);
  await clerkPage.goto("/clerk");
  await expect(clerkPage).toHaveURL(/\/login/);
  await clerkPage.getByLabel("用户名").fill(clerk.username);
  await clerkPage.getByLabel("密码").fill(ownPassword(clerk.username));
  await clerkPage.getByRole("button", { name: "登录" }).click();
  await expect(clerkPage.locator(".error-summary")).toContainText("该账号已停用");

  // Enabled again, the clerk signs in with the same password.
  await admin.getByRole("button", { name: "启用账号" }).click();
  await expect(admin.getByTestId("account-status")).toContainText("正常");
  await signIn(clerkPage, clerk.username, ownPassword(clerk.username));
  await expect(clerkPage).toHaveURL("/clerk");
  await clerkPage.context().close();
  await admin.context().close();
});

test("a reset password works once, and ends the clerk's session at once", async ({ browser }) => {
  const clerk = clerks[0]!; // has a password of their own (the journey above)
  const clerkPage = await signedIn(browser, clerk.username, ownPassword(clerk.username));
  const admin = await signedIn(browser, countyAdmin.username, ownPassword(countyAdmin.username));
  admin.on("dialog", (dialog) => void dialog.accept());
  await admin.goto(`/admin/accounts?q=${clerk.username}`);
  await admin.getByRole("link", { name: clerk.username }).click();
  await admin.getByRole("button", { name: "重置密码" }).click();
  await expect(admin.getByRole("heading", { name: "密码已重置" })).toBeVisible();
  const reset = (await admin.getByTestId("initial-password").textContent()) ?? "";
  expect(reset).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);

  await clerkPage.goto("/clerk");
  await expect(clerkPage).toHaveURL(/\/login/);
  await signIn(clerkPage, clerk.username, reset);
  await expect(clerkPage).toHaveURL("/account/password");
  await clerkPage.getByLabel("新密码", { exact: true }).fill(`${ownPassword(clerk.username)}-2`);
  await clerkPage.getByLabel("再次输入新密码").fill(`${ownPassword(clerk.username)}-2`);
  await clerkPage.getByRole("button", { name: "保存新密码" }).click();
  await expect(clerkPage).toHaveURL("/clerk");
  // The reset password worked once: not again, and the old one of their own not at all.
  for (const password of [reset, ownPassword(clerk.username)]) {
    const other = await (await browser.newContext()).newPage();
    await other.goto("/login");
    await other.getByLabel("用户名").fill(clerk.username);
    await other.getByLabel("密码").fill(password);
    await other.getByRole("button", { name: "登录" }).click();
    await expect(other.locator(".error-summary")).toContainText("用户名或密码不正确。");
    await other.context().close();
  }
  await clerkPage.context().close();
  await admin.context().close();
});

test("操作记录 shows the county's administration, filtered by unit, user and action", async ({ browser }) => {
  const page = await signedIn(browser, countyAdmin.username, ownPassword(countyAdmin.username));
  await page.goto("/admin");
  await page.getByRole("link", { name: "操作记录" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "操作记录" })).toBeVisible();
  const log = page.getByTestId("audit-log");
  await expect(log).toContainText("创建账号");
  await expect(log).not.toContainText("盐池县");
  await expect(log).not.toContainText("阳城县");

  await page.getByLabel("操作", { exact: true }).selectOption({ label: "停用账号" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(log.locator("tbody tr")).toHaveCount(1);
  await expect(log).toContainText(clerks[1]!.username);

  // The units the administrator imported are there too, as one import and 20 new units.
  await page.goto("/admin/audit");
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "导入单位名单" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(log.locator("tbody tr")).toHaveCount(1);
  await expect(log).toContainText(trialCounty.name);

  await page.goto("/admin/audit");
  await page.getByLabel("用户名").fill(clerks[0]!.username);
  await page.getByRole("button", { name: "筛选" }).click();
  for (const action of ["创建账号", "修改本人密码", "重置密码", "开始填写报告"])
    await expect(log).toContainText(action);
  // The disabled clerk's refused start left no trace but the disabling and enabling.
  await page.goto("/admin/audit");
  await page.getByLabel("用户名").fill(clerks[1]!.username);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(log).toContainText("停用账号");
  await expect(log).not.toContainText("开始填写报告");

  await page.goto("/admin/audit");
  await page.getByLabel("单位（含下属单位）").selectOption({ label: "东关乡人民政府" });
  await page.getByRole("button", { name: "筛选" }).click();
  // 东关乡's clerks are trial-clerk-02, -07, -12, -17; -02 was disabled and enabled again.
  for (const text of ["trial-clerk-07", "trial-clerk-17", "停用账号", "启用账号"])
    await expect(log).toContainText(text);
  await expect(log).not.toContainText("trial-clerk-01");
  await page.context().close();
});

test("a county administrator reaches no account outside its county; clerks and reviewers none", async ({ browser }) => {
  const page = await signedIn(browser, countyAdmin.username, ownPassword(countyAdmin.username));
  for (const username of ["yanchi-review", "dongfeng", "admin"]) {
    const response = await page.goto(`/admin/accounts/${await userIdOf(username)}`);
    expect(response?.status()).toBe(404);
  }
  await page.goto("/admin/accounts");
  await expect(page.getByTestId("account-list")).not.toContainText("dongfeng");
  await page.context().close();

  for (const username of ["fengcheng", "yangcheng-review"]) {
    const other = await signedIn(browser, username, "nianbao-demo");
    await other.goto("/admin/accounts");
    await expect(other).toHaveURL(username === "fengcheng" ? "/clerk" : "/review");
    const upload = await other.request.post("/api/accounts/import", { multipart: { countyId: "x" } });
    expect(upload.status()).toBe(404);
    await other.context().close();
  }
});
