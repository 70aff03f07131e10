import { expect, pageAs, test } from "./support/fixtures";

// The reviewer's queue: every organization of the county with its status, filtered and
// sorted through URL search params (so a filtered view can be bookmarked or shared).
test("the queue filters by status and year and sorts by name, status and last change", async ({ browser }) => {
  const page = await pageAs(browser, "yangcheng-review");
  await page.goto("/review");
  const queue = page.getByTestId("review-queue");
  for (const name of [
    "阳城县",
    "董封乡人民政府",
    "凤城镇人民政府",
    "北留镇人民政府",
    "白桑乡人民政府",
    "阳城县人民政府办公室",
  ]) {
    await expect(queue.getByRole("rowheader", { name, exact: true })).toBeVisible();
  }
  await expect(queue).not.toContainText("盐池");

  // The county itself has no clerk: it is always 未开始.
  await page.goto("/review?status=NOT_STARTED");
  await expect(page.getByLabel("状态")).toHaveValue("NOT_STARTED");
  await expect(queue.getByRole("rowheader", { name: "阳城县", exact: true })).toBeVisible();
  for (const row of await queue.locator("tbody tr").all())
    await expect(row).toHaveAttribute("data-status", "NOT_STARTED");

  // Sorting by name, then reversed by a second click on the same header.
  await page.goto("/review");
  await queue.getByRole("link", { name: /^单位/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  const ascending = await queue.getByRole("rowheader").allTextContents();
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, "zh-CN")));
  await queue.getByRole("link", { name: /^单位/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect(queue.getByRole("columnheader", { name: /^单位/ })).toHaveAttribute("aria-sort", "descending");
  expect(await queue.getByRole("rowheader").allTextContents()).toEqual([...ascending].reverse());

  // Another year: nothing started in 2019.
  await page.goto("/review?year=2019");
  await expect(page.getByRole("heading", { level: 2, name: /^2019 年度报告进度/ })).toBeVisible();
  for (const row of await queue.locator("tbody tr").all())
    await expect(row).toHaveAttribute("data-status", "NOT_STARTED");
  // Nonsense params fall back to the defaults instead of failing.
  expect((await page.goto("/review?year=abc&status=<b>&sort=x&dir=y"))?.status()).toBe(200);
});
