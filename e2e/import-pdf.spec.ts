import { seed001, seed003 } from "../fixtures";
import { writeMinimalPdf } from "../fixtures/import/write-minimal-pdf";
import { writeReportPdf } from "../fixtures/import/write-report-pdf";
import { getLayout } from "../lib/template";
import { reportingYear } from "../lib/reports/reporting-year";
import { expect, pageAs, test } from "./support/fixtures";

// Many county sites publish the report only as a PDF: a text PDF imports through the clerk's
// /clerk/import and the administrator's batch as any other file, read in the reading pool; a
// scan (pages that are images, no text) is refused in zh-CN. The PDFs are the app's own
// published form of two real reports (seed 003 朝阳镇; seed 001, 祥云镇's, under the name of
// 盐池县王乐井乡) for years no other journey uses: 朝阳镇 four years back, 王乐井乡 2019
// (e2e/clerk-start-year.spec.ts starts 祥云镇's 2019 report itself).
const currentYear = reportingYear(new Date());
const SCAN_REFUSAL = "这是扫描件（图片）PDF，无法读取其中的文字。请上传含文字的 PDF、Word 或网页文件。";

const pdfFile = (name: string, pdf: Uint8Array) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(pdf) });
const scan = () => pdfFile("扫描件.pdf", writeMinimalPdf({ pages: 2, image: true }));

test("a clerk imports last years' report published as a text PDF; a scanned PDF is refused in zh-CN", async ({
  browser,
}) => {
  const year = currentYear - 4;
  const pdf = await writeReportPdf(getLayout("gov-2021"), {
    ...seed003.data,
    meta: { ...seed003.data.meta, year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` },
  });
  const page = await pageAs(browser, "chaoyang");
  await page.goto("/clerk");
  await page.getByRole("link", { name: "导入往年报告" }).click();
  const fileInput = page.getByLabel("报告文件");
  await expect(page.locator(".field__hint")).toContainText(".pdf");

  await fileInput.setInputFiles(scan());
  await page.getByRole("button", { name: "读取文件" }).click();
  await expect(page.getByText(SCAN_REFUSAL)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: /确认导入/ })).toHaveCount(0);

  await fileInput.setInputFiles(pdfFile(`朝阳镇${year}年报.pdf`, pdf));
  await page.getByRole("button", { name: "读取文件" }).click();
  const summary = page.getByTestId("reading-summary");
  await expect(summary).toContainText("朝阳镇", { timeout: 20_000 });
  await expect(summary).toContainText(String(year));
  await expect(summary).toContainText("gov-2021");
  await expect(summary).toContainText("读到 200 / 200 项");
  await page.getByRole("button", { name: `确认导入 ${year} 年度报告` }).click();

  await expect(page).toHaveURL(/\/clerk\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("report-title")).toContainText(`朝阳镇人民政府 ${year} 年`);
  await expect(page.getByTestId("import-submitted")).toHaveText("已提交审核：审核人员确认后公开。");
  await page.context().close();
});

test("an administrator's batch imports a text PDF and refuses a scanned one, each with its result", async ({
  browser,
}) => {
  const year = 2019;
  const pdf = await writeReportPdf(getLayout("gov-2019"), {
    ...seed001.data,
    meta: {
      ...seed001.data.meta,
      organizationName: "盐池县王乐井乡人民政府",
      year,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
    },
  });
  const page = await pageAs(browser, "admin");
  await page.getByRole("link", { name: "批量导入往年报告" }).click();
  await page.getByLabel("县（区）").selectOption({ label: "盐池县" });
  await page.getByLabel("报告文件（可多选）").setInputFiles([pdfFile(`王乐井乡${year}.pdf`, pdf), scan()]);
  await page.getByRole("button", { name: "开始导入" }).click();

  const results = page.getByTestId("batch-results");
  const row = (fileName: string) =>
    results.getByRole("row").filter({ has: page.getByRole("rowheader", { name: fileName, exact: true }) });
  await expect(row(`王乐井乡${year}.pdf`)).toContainText("已导入，待审核", { timeout: 30_000 });
  await expect(row(`王乐井乡${year}.pdf`)).toContainText("王乐井乡");
  await expect(row("扫描件.pdf")).toContainText(SCAN_REFUSAL);
  await expect(page.getByTestId("batch-summary")).toContainText("已导入 1 个");
  await expect(page.getByTestId("batch-summary")).toContainText("无法读取 1 个");
  await page.context().close();
});
