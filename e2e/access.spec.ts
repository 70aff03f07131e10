import { expect, pageAs, test } from "./support/fixtures";

// Two counties (阳城县, 盐池县), two townships of 阳城县 (董封乡, 凤城镇): each rule is shown
// both ways, allowed and refused, and a refusal reveals nothing about the report.
test.describe("who may see a report", () => {
  let reportPath: string;
  let reportId: string;

  test.beforeAll(async ({ browser }) => {
    const clerk = await pageAs(browser, "dongfeng");
    await clerk.goto("/clerk");
    const start = clerk.getByRole("button", { name: /开始填写/ });
    if (await start.isVisible()) await start.click();
    else
      await clerk
        .getByRole("link", { name: /继续填写|查看报告/ })
        .first()
        .click();
    await expect(clerk).toHaveURL(/\/clerk\/reports\/[0-9a-f-]{36}$/);
    reportPath = new URL(clerk.url()).pathname;
    reportId = reportPath.split("/").at(-1)!;
    await clerk.context().close();
  });

  test("the clerk of the organization opens its report and its data", async ({ browser }) => {
    const page = await pageAs(browser, "dongfeng");
    await page.goto(reportPath);
    await expect(page.getByTestId("report-title")).toContainText("董封乡人民政府");
    const response = await page.request.get(`/api/reports/${reportId}/data`);
    expect(response.status()).toBe(200);
    expect((await response.json()).organization).toBe("董封乡人民政府");
  });

  test("a clerk of another township gets a plain 404 that reveals nothing", async ({ browser }) => {
    const page = await pageAs(browser, "fengcheng");
    const response = await page.goto(reportPath);
    expect(response?.status()).toBe(404);
    await expect(page.locator("body")).not.toContainText("董封乡");
    const api = await page.request.get(`/api/reports/${reportId}/data`);
    expect(api.status()).toBe(404);
    expect(await api.text()).not.toContain("董封乡");
    // A made-up id answers exactly the same way.
    const guessed = await page.request.get(`/api/reports/00000000-0000-4000-8000-000000000000/data`);
    expect(guessed.status()).toBe(404);
    expect(await guessed.json()).toEqual(await api.json());
  });

  test("the county's reviewer sees it; another county's reviewer does not", async ({ browser }) => {
    const own = await pageAs(browser, "yangcheng-review");
    await own.goto(`/review/reports/${reportId}`);
    await expect(own.getByTestId("report-title")).toContainText("董封乡人民政府");
    await own.goto("/review");
    await expect(own.getByTestId("review-queue")).toContainText("董封乡人民政府");

    const other = await pageAs(browser, "yanchi-review");
    const response = await other.goto(`/review/reports/${reportId}`);
    expect(response?.status()).toBe(404);
    await other.goto("/review");
    await expect(other.getByTestId("review-queue")).not.toContainText("董封乡");
    await expect(other.getByTestId("review-queue")).toContainText("王乐井乡");
    expect((await other.request.get(`/api/reports/${reportId}/data`)).status()).toBe(404);
  });

  test("anonymous visitors see public pages only", async ({ page }) => {
    expect((await page.goto("/"))?.status()).toBe(200);
    await page.goto(reportPath);
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.goto("/review");
    await expect(page).toHaveURL(/\/login/);
    const api = await page.request.get(`/api/reports/${reportId}/data`);
    expect(api.status()).toBe(401);
    expect(await api.text()).not.toContain("董封乡");
  });

  test("each role is kept to its own area", async ({ browser }) => {
    const clerk = await pageAs(browser, "dongfeng");
    await clerk.goto("/review");
    await expect(clerk).toHaveURL("/clerk");
    await clerk.goto("/admin");
    await expect(clerk).toHaveURL("/clerk");
    const reviewer = await pageAs(browser, "yangcheng-review");
    await reviewer.goto("/admin");
    await expect(reviewer).toHaveURL("/review");
    await reviewer.goto(`/clerk/reports/${reportId}`);
    await expect(reviewer).toHaveURL("/review");
  });
});
