import { reportingYear } from "../lib/reports/reporting-year";
import { expect, pageAs, test } from "./support/fixtures";

// Which years a clerk can start from the home page: the reporting year, and an earlier year
// only while the organization has no report for it (the rule is lib/reports/reporting-year.ts).
test("a clerk fills in an earlier year once; it then leaves the list of years to fill in", async ({ browser }) => {
  const year = reportingYear(new Date());
  const page = await pageAs(browser, "xiangyun");
  await expect(page.getByRole("button", { name: `开始填写 ${year} 年度报告` })).toBeVisible();
  const earlier = page.getByLabel("补填往年报告（未在别处公布过的年度）");
  // 祥云镇's 2020 report is published (a seed report): that year is not offered.
  const offered = Array.from({ length: year - 2019 }, (_, index) => year - 1 - index).filter((each) => each !== 2020);
  await expect(earlier.getByRole("option")).toHaveText(offered.map((each) => `${each} 年度`));
  await earlier.selectOption("2019");
  await page.getByRole("button", { name: "开始补填" }).click();
  await expect(page).toHaveURL(/\/clerk\/reports\/[0-9a-f-]{36}$/);

  await page.goto("/clerk");
  await expect(page.getByRole("row", { name: /2019 年/ })).toBeVisible();
  await expect(earlier.getByRole("option", { name: "2019 年度" })).toHaveCount(0);
  await page.context().close();
});
