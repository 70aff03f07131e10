import { reportingYear } from "../lib/reports/reporting-year";
import { expect, pageAs, test } from "./support/fixtures";
import { claimReport } from "./support/report-claims";
import { withDatabase } from "./wizard-helpers";

// Which years a clerk can start from the home page: the reporting year, and an earlier year
// only while the organization has no report for it (the rule is lib/reports/reporting-year.ts).
test("a clerk fills in an earlier year once; it then leaves the list of years to fill in", async ({ browser }) => {
  const year = reportingYear(new Date());
  await claimReport("xiangyun", 2019);
  const page = await pageAs(browser, "xiangyun");
  await expect(page.getByRole("button", { name: `开始填写 ${year} 年度报告` })).toBeVisible();
  const earlier = page.getByLabel("补填往年报告（未在别处公布过的年度）");
  // Years 祥云镇 already has a report for are not offered: its 2020 report is published (a seed
  // report), and other journeys make drafts of later years for 祥云镇's clerk.
  const taken = await withDatabase(async (db) =>
    (await db.report.findMany({ where: { organization: { name: "祥云镇人民政府" } }, select: { year: true } })).map(
      (report) => report.year,
    ),
  );
  expect(taken).toContain(2020);
  const offered = Array.from({ length: year - 2019 }, (_, index) => year - 1 - index).filter(
    (each) => !taken.includes(each),
  );
  await expect(earlier.getByRole("option")).toHaveText(offered.map((each) => `${each} 年度`));
  await earlier.selectOption("2019");
  await page.getByRole("button", { name: "开始补填" }).click();
  await expect(page).toHaveURL(/\/clerk\/reports\/[0-9a-f-]{36}$/);

  await page.goto("/clerk");
  await expect(page.getByRole("row", { name: /2019 年/ })).toBeVisible();
  await expect(earlier.getByRole("option", { name: "2019 年度" })).toHaveCount(0);
  await page.context().close();
});
