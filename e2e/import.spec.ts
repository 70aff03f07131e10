import { adaptedSeedReport } from "../fixtures/import/adapted-seed-report";
import { reportingYear } from "../lib/reports/reporting-year";
import { createSystemAdministrator } from "./support/accounts";
import { expect, pageAs, signIn, test } from "./support/fixtures";

// Importing published reports: the demo seeds are published at startup, a clerk imports
// last year's report (preview, then confirm), an administrator imports a county's files —
// both submitted to the county's reviewers, not public until one confirms them (the review
// of an import: journey-import-review.spec.ts). The clerk journey uses 白桑乡 and the batch
// 凤城镇/北留镇 two years back, so the years other journeys work on (董封乡, this year and
// last) stay as seeded.
const currentYear = reportingYear(new Date());
const batchAdminPassword = "batch-admin-import-2026";
const textFile = (name: string, organizationName: string, year: number) => ({
  name,
  mimeType: "text/plain",
  buffer: Buffer.from(adaptedSeedReport({ organizationName, year }), "utf8"),
});

test("the five seed reports are published at startup and listed in the public catalogue", async ({ page }) => {
  await page.goto("/");
  const catalogue = page.getByTestId("publications");
  for (const [organization, year] of [
    ["董封乡人民政府", 2023],
    ["祥云镇人民政府", 2020],
    ["宽城满族自治县人民政府办公室", 2023],
    ["朝阳镇人民政府", 2023],
    ["盐池县王乐井乡人民政府", 2023],
  ] as const) {
    await expect(
      catalogue
        .getByRole("row")
        .filter({ hasText: organization })
        .filter({ hasText: String(year) }),
    ).toHaveCount(1);
  }
});

test("a clerk previews last year's report file and imports it: submitted for review, not public", async ({
  browser,
}) => {
  const page = await pageAs(browser, "baisang");
  await page.goto("/clerk");
  await page.getByRole("link", { name: "导入往年报告" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "导入往年报告" })).toBeVisible();
  const fileInput = page.getByLabel("报告文件");

  // This year's report cannot be imported: it is written in the app.
  await fileInput.setInputFiles(textFile(`白桑乡${currentYear}.txt`, "白桑乡人民政府", currentYear));
  await page.getByRole("button", { name: "读取文件" }).click();
  await expect(page.getByTestId("import-refusals")).toContainText(`只能导入 ${currentYear} 年以前已公布的报告`);
  await expect(page.getByRole("button", { name: /确认导入/ })).toHaveCount(0);

  // Another body's report needs an explicit confirmation.
  await fileInput.setInputFiles(textFile("董封乡.txt", "董封乡人民政府", currentYear - 1));
  await page.getByRole("button", { name: "读取文件" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("与本单位“白桑乡人民政府”不一致");
  await expect(page.getByRole("button", { name: /确认导入/ })).toBeDisabled();

  // Its own report of last year: what was read, by place, then the import.
  const previousYear = currentYear - 1;
  await fileInput.setInputFiles(textFile(`白桑乡${previousYear}年报.txt`, "白桑乡人民政府", previousYear));
  await page.getByRole("button", { name: "读取文件" }).click();
  const summary = page.getByTestId("reading-summary");
  await expect(summary).toContainText("白桑乡人民政府");
  await expect(summary).toContainText(String(previousYear));
  await expect(summary).toContainText("gov-2021");
  await expect(summary).toContainText("读到 115 / 200 项");
  const problems = page.getByTestId("reading-problems");
  await expect(problems.getByRole("row").filter({ hasText: "四、政府信息公开行政复议、行政诉讼情况" })).toContainText(
    "未找到",
  );
  await expect(page.getByTestId("reading-findings")).toContainText("（七）总计");
  await page.getByRole("button", { name: `确认导入 ${previousYear} 年度报告` }).click();

  await expect(page).toHaveURL(/\/clerk\/reports\/[0-9a-f-]{36}$/);
  const reportId = page.url().split("/").at(-1)!;
  await expect(page.getByTestId("report-title")).toContainText(`白桑乡人民政府 ${previousYear} 年`);
  await expect(page.getByTestId("import-submitted")).toHaveText("已提交审核：审核人员确认后公开。");
  await page.goto("/clerk");
  await expect(page.getByRole("row").filter({ hasText: `${previousYear} 年` })).toContainText("已提交");
  // Not on the public site: neither its page nor the catalogue.
  expect((await page.request.get(`/reports/${reportId}`)).status()).toBe(404);
  await page.goto(`/?q=${encodeURIComponent("白桑乡")}&year=${previousYear}`);
  await expect(page.getByText("没有找到符合条件的报告。")).toBeVisible();
  await page.context().close();
});

test("the import endpoint refuses other roles, oversized uploads and cross-site requests", async ({ browser }) => {
  const file = {
    name: "x.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(adaptedSeedReport({ organizationName: "凤城镇人民政府", year: currentYear - 3 })),
  };
  const reviewer = await pageAs(browser, "yangcheng-review");
  const asReviewer = await reviewer.request.post("/api/import/history", {
    headers: { origin: new URL(reviewer.url()).origin },
    multipart: { intent: "preview", file },
  });
  expect(asReviewer.status()).toBe(404);
  await reviewer.context().close();

  const clerk = await pageAs(browser, "fengcheng");
  const origin = new URL(clerk.url()).origin;
  const oversized = await clerk.request.post("/api/import/history", {
    headers: { origin },
    multipart: {
      intent: "preview",
      file: { name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(6 * 1024 * 1024, 0x41) },
    },
  });
  expect(oversized.status()).toBe(400);
  expect((await oversized.json()).error.message).toMatch(/超过上限 5\.0 MB/);
  const crossSite = await clerk.request.post("/api/import/history", {
    headers: { origin: "https://attacker.example" },
    multipart: { intent: "import", file },
  });
  expect(crossSite.status()).toBe(404);
  expect((await crossSite.json()).error.message).toBe("请求来源无效。");
  await clerk.context().close();
});

test("an administrator imports a county's files at once: each file's result, and all wait for the county's reviewers", async ({
  browser,
}) => {
  const year = currentYear - 2;
  // An administrator of this journey's own: the page shows its user's last batch, and other
  // specs' batches (as the demo administrator, at the same time) are not this one's.
  await createSystemAdministrator("batch-admin", batchAdminPassword);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "batch-admin", batchAdminPassword);
  await page.goto("/admin");
  await page.getByRole("link", { name: "批量导入往年报告" }).click();
  await expect(page.getByTestId("batch-import-job")).toHaveCount(0);
  await page.getByLabel("县（区）").selectOption({ label: "阳城县" });
  await page.getByLabel("报告文件（可多选）").setInputFiles([
    textFile(`凤城镇${year}.txt`, "凤城镇人民政府", year),
    textFile(`北留镇${year}.txt`, "阳城县北留镇", year),
    textFile("董封乡2023.txt", "董封乡人民政府", 2023),
    textFile(`王乐井乡${year}.txt`, "盐池县王乐井乡人民政府", year),
    {
      name: "扫描件.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 31) % 256)),
    },
  ]);
  await page.getByRole("button", { name: "开始导入" }).click();

  // The upload is answered with a job of the queue, which the page follows until it is over,
  // also after a reload (the page loads the administrator's last batch again).
  const job = page.getByTestId("batch-import-job");
  await expect(job).toHaveText(/^(排队中… 0\/5|正在导入… [0-5]\/5|导入完成：共 5 个文件，各文件的结果见下。)$/);
  await page.reload();
  await expect(page.getByTestId("batch-import-origin")).toContainText("最近一次导入：阳城县");
  await expect(job).toHaveText("导入完成：共 5 个文件，各文件的结果见下。", { timeout: 30_000 });

  const results = page.getByTestId("batch-results");
  const row = (fileName: string) =>
    results.getByRole("row").filter({ has: page.getByRole("rowheader", { name: fileName, exact: true }) });
  // Five files through the reading pool and into the database: seconds on a machine busy with other specs.
  await expect(row(`凤城镇${year}.txt`)).toContainText("已导入，待审核", { timeout: 30_000 });
  await expect(row(`凤城镇${year}.txt`)).toContainText("审核人员确认后公开");
  await expect(row(`凤城镇${year}.txt`)).toContainText("凤城镇人民政府");
  await expect(row(`北留镇${year}.txt`)).toContainText("已导入");
  await expect(row("董封乡2023.txt")).toContainText("已有 2023 年度报告（已发布），未覆盖");
  await expect(row(`王乐井乡${year}.txt`)).toContainText("阳城县下没有名为“盐池县王乐井乡人民政府”的单位");
  await expect(row("扫描件.txt")).toContainText("无法读取");
  await expect(row("扫描件.txt")).toContainText("不是文字");
  await expect(page.getByTestId("batch-summary")).toContainText("已导入 2 个，已跳过 2 个，无法读取 1 个");
  // Finished, the batch and its results stay on the page until the next upload.
  await page.reload();
  await expect(job).toHaveText("导入完成：共 5 个文件，各文件的结果见下。");
  await expect(row("扫描件.txt")).toContainText("无法读取");

  // The administrator published nothing: the catalogue of that year is as before.
  await page.goto(`/?year=${year}`);
  await expect(page.getByText("没有找到符合条件的报告。")).toBeVisible();
  await page.context().close();

  // They wait in the queue of 阳城县's reviewers, marked as imports.
  const reviewer = await pageAs(browser, "yangcheng-review");
  await reviewer.goto(`/review?year=${year}&status=SUBMITTED`);
  const queue = reviewer.getByTestId("review-queue");
  for (const name of ["凤城镇人民政府", "北留镇人民政府"]) {
    const queued = queue.getByRole("row").filter({ has: reviewer.getByRole("rowheader", { name, exact: true }) });
    await expect(queued).toContainText("已提交");
    await expect(queued).toContainText("导入");
  }
  await reviewer.context().close();
});
