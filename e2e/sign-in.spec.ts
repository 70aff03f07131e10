import { expect, pageAs, signIn, test } from "./support/fixtures";

test.describe("signing in", () => {
  const homes = [
    { username: "dongfeng", path: "/clerk", heading: /董封乡人民政府/ },
    { username: "yangcheng-review", path: "/review", heading: /阳城县 · 审核工作台/ },
    { username: "admin", path: "/admin", heading: /系统管理/ },
  ];
  for (const { username, path, heading } of homes) {
    test(`${username} lands on their home page`, async ({ page }) => {
      await signIn(page, username);
      await expect(page).toHaveURL(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    });
  }

  test("a wrong password and an unknown user get the same message, with no hint", async ({ page }) => {
    for (const [username, password] of [
      ["dongfeng", "wrong-password-1"],
      ["nobody-here", "wrong-password-1"],
    ]) {
      await page.goto("/login");
      await page.getByLabel("用户名").fill(username!);
      await page.getByLabel("密码").fill(password!);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page.locator(".error-summary")).toContainText("用户名或密码不正确。");
      await expect(page).toHaveURL(/\/login/);
    }
  });

  test("empty fields are refused with a message next to each", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator(".error-summary")).toContainText("请输入用户名");
    await expect(page.locator(".error-summary")).toContainText("请输入密码");
  });

  test("repeated failures pause the account, even for the right password", async ({ page }) => {
    // An account no other spec signs in with: the pause lasts a minute.
    const username = "chaoyang";
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.goto("/login");
      await page.getByLabel("用户名").fill(username);
      await page.getByLabel("密码").fill(`wrong-${attempt}-password`);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page.locator(".error-summary")).toBeVisible();
    }
    await page.goto("/login");
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill("nianbao-demo");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator(".error-summary")).toContainText(/登录失败次数过多，请在 \d+ 秒后再试/);
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session on the server", async ({ browser }) => {
    const page = await pageAs(browser, "fengcheng");
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByText("您已安全退出。")).toBeVisible();
    // Replaying the old session cookie no longer works.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/clerk");
    await expect(replayPage).toHaveURL(/\/login/);
    await replay.close();
  });

  test("session cookies are HttpOnly and SameSite", async ({ browser }) => {
    const page = await pageAs(browser, "beiliu");
    const session = (await page.context().cookies()).find((cookie) => cookie.name.includes("session_token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
  });
});
