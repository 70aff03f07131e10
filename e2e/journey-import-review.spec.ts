import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { adaptedSeedReport } from "../fixtures/import/adapted-seed-report";
import { sampleReport } from "../fixtures/import/sample-report";
import { writeReportHtmlTable } from "../fixtures/import/write-report-html-table";
import { getLayout } from "../lib/template";
import { expect, pageAs, test } from "./support/fixtures";
import { followPublicationJob } from "./support/publish-steps";

// An imported report reaches the public only through a county reviewer. A clerk
// imports, the report is not public; the reviewer opens it from the queue (marked 导入),
// downloads the source file, reads what was read and the findings, confirms: public. A
// re-import over it is a correction the public does not see until the reviewer publishes it
// with a 更正说明; a file naming another body shows the reviewer the warning the clerk
// ticked past. 凤城镇 2021 and 北留镇 2020: no other spec touches those years.
const year = 2021;
const htmlFile = (name: string, cells: Record<string, number> = {}) => {
  const data = sampleReport("gov-2021", { organizationName: "凤城镇人民政府", year });
  return {
    name,
    mimeType: "text/html",
    buffer: Buffer.from(writeReportHtmlTable(getLayout("gov-2021"), { ...data, cells: { ...data.cells, ...cells } })),
  };
};

async function importAsClerk(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, confirm = false) {
  await page.goto("/clerk/import");
  await page.getByLabel("报告文件").setInputFiles(file);
  await page.getByRole("button", { name: "读取文件" }).click();
  // Generous: the reading pool is shared with the other spec's uploads on a busy machine.
  await expect(page.getByTestId("reading-summary")).toBeVisible({ timeout: 30_000 });
  if (confirm) await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: /^确认导入/ }).click();
  await expect(page).toHaveURL(/\/clerk\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("import-submitted")).toContainText("已提交审核：审核人员确认后公开。");
  return page.url().split("/").at(-1)!;
}

/** What an anonymous visitor gets for the report's latest version (status, and the JSON's version and cells). */
async function publicCopy(browser: Browser, reportId: string) {
  const visitor = await browser.newContext();
  const response = await visitor.request.get(`/reports/${reportId}/json`);
  const body = response.ok() ? ((await response.json()) as { version: number; cells: Record<string, number> }) : null;
  await visitor.close();
  return { status: response.status(), version: body?.version, cells: body?.cells };
}

test("a clerk's import is public only once a county reviewer confirmed it against its source file", async ({
  browser,
}) => {
  // Two imports read and two publications rendered (PDF) on a machine shared with other work.
  test.setTimeout(120_000);
  const clerk = await pageAs(browser, "fengcheng");
  const upload = htmlFile(`凤城镇${year}年报.html`);
  const reportId = await importAsClerk(clerk, upload);
  expect(await publicCopy(browser, reportId)).toMatchObject({ status: 404 });

  const reviewer = await pageAs(browser, "yangcheng-review");
  await reviewer.goto(`/review?year=${year}`);
  const row = reviewer
    .getByTestId("review-queue")
    .getByRole("row")
    .filter({ has: reviewer.getByRole("rowheader", { name: "凤城镇人民政府", exact: true }) });
  await expect(row).toContainText("已提交");
  await expect(row).toContainText("导入");
  await row.getByRole("link", { name: "审核" }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/review/reports/${reportId}$`));

  // The import: who brought which file in, the file itself, what was read and the findings.
  const panel = reviewer.getByTestId("review-import");
  await expect(panel.getByTestId("import-pending")).toContainText("本报告由文件导入，尚未公开");
  await expect(panel).toContainText("填报人员上传");
  await expect(panel.getByTestId("reading-summary")).toContainText(`凤城镇${year}年报.html`);
  await expect(panel.getByTestId("reading-summary")).toContainText("gov-2021");
  await expect(panel.getByTestId("reading-summary")).toContainText("网页（HTML）");
  const downloading = reviewer.waitForEvent("download");
  await panel.getByRole("link", { name: /下载原文件/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`凤城镇${year}年报.html`);
  expect((await readFile((await download.path())!)).equals(upload.buffer)).toBe(true);
  // The file is the reviewers': the clerk who uploaded it gets a 404 like anyone else.
  expect((await clerk.request.get(`/review/reports/${reportId}/source`)).status()).toBe(404);
  await expect(reviewer.getByRole("button", { name: "审核通过" })).toHaveCount(0);

  await reviewer.getByRole("button", { name: "确认导入并发布" }).click();
  // Published in a job of the queue, as 发布… is; a reload meanwhile shows the job again.
  await expect(reviewer.getByTestId("report-publication-label")).toHaveText(/^(排队中…|正在发布…|已发布。)$/);
  await reviewer.reload();
  await expect(reviewer.getByTestId("report-status")).toHaveText("已发布", { timeout: 30_000 });
  const published = await publicCopy(browser, reportId);
  expect(published).toMatchObject({ status: 200, version: 1 });
  const firstValue = published.cells!["t3.r1.natural"];

  // A re-import over the published report is a correction: the public keeps version 1.
  await importAsClerk(clerk, htmlFile(`凤城镇${year}年报-更正.html`, { "t3.r1.natural": 4242 }));
  await expect(clerk.getByTestId("import-submitted")).toContainText("确认前，公众仍看到已发布的版本。");
  expect(await publicCopy(browser, reportId)).toMatchObject({ status: 200, version: 1, cells: published.cells });

  await reviewer.reload();
  await expect(panel.getByTestId("import-pending")).toContainText("更正尚未公开");
  const changes = panel.getByTestId("import-changes");
  await expect(changes).toContainText("与已发布的第 1 版相比");
  await expect(changes.locator('[data-change-id="t3.r1.natural"]')).toContainText("4242");
  await reviewer.getByRole("button", { name: "确认更正并发布" }).click();
  await expect(reviewer.getByRole("alert").filter({ hasText: "操作未完成" })).toContainText("请填写更正说明");
  expect((await publicCopy(browser, reportId)).version).toBe(1);
  await reviewer.getByLabel(/更正说明/).fill("更正自然人申请数。");
  await reviewer.getByRole("button", { name: "确认更正并发布" }).click();
  await followPublicationJob(reviewer);
  const corrected = await publicCopy(browser, reportId);
  expect(corrected).toMatchObject({ status: 200, version: 2 });
  expect(corrected.cells!["t3.r1.natural"]).toBe(4242);
  expect(firstValue).not.toBe(4242);
  await expect(reviewer.getByText("更正说明：更正自然人申请数。")).toBeVisible();
  await clerk.context().close();
  await reviewer.context().close();
});

test("a file naming another body is not made public by the clerk's tick box: the reviewer sees the warning", async ({
  browser,
}) => {
  const clerk = await pageAs(browser, "beiliu");
  const reportId = await importAsClerk(
    clerk,
    {
      name: "白桑乡2020.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(adaptedSeedReport({ organizationName: "白桑乡人民政府", year: 2020 })),
    },
    true,
  );
  expect(await publicCopy(browser, reportId)).toMatchObject({ status: 404 });
  await clerk.context().close();

  const reviewer = await pageAs(browser, "yangcheng-review");
  await reviewer.goto(`/review/reports/${reportId}`);
  const warning = reviewer.getByTestId("import-organization-warning");
  await expect(warning).toContainText("文件标题中的机关是“白桑乡人民政府”，与本单位“北留镇人民政府”不一致");
  await expect(warning).toContainText("导入人员已勾选确认");
  await reviewer.getByLabel("审核意见（退回时必填）").fill("文件是白桑乡的报告，请导入本单位的报告。");
  await reviewer.getByRole("button", { name: "退回修改" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("已退回");
  expect(await publicCopy(browser, reportId)).toMatchObject({ status: 404 });
  await reviewer.context().close();
});
