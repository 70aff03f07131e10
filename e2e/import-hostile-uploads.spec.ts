import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { writeNestedDivsHtml, writeXmlBombDocx } from "../fixtures/import/write-hostile-uploads";
import { expect, pageAs, test } from "./support/fixtures";
import { e2eState } from "./support/state";

// Hostile uploads against the production build: the attack files are refused with a
// zh-CN message (400, never 500) while the server keeps answering, its memory stays put,
// and the upload routes accept the app reached as 127.0.0.1. (A flood refused as busy is
// proven in lib/reports/import-reports.test.ts: here it would make other specs' uploads busy.)
// Figures (time to refuse, health latency, memory growth) are in `npm run bench -- import`.
const MB = 1024 * 1024;
const html = (name: string, text: string) => ({ name, mimeType: "text/html", buffer: Buffer.from(text, "utf8") });
const docx = (name: string, bytes: Uint8Array) => ({
  name,
  mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  buffer: Buffer.from(bytes),
});

/** Peak resident memory of the app's process so far, in MB (Linux /proc). */
async function serverPeakMemoryMb(): Promise<number> {
  const { serverPid } = await e2eState.read();
  const status = await readFile(`/proc/${serverPid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

/** Health checks one after another until `pending` settles; the statuses of those answered before it. */
async function healthWhilePending(request: APIRequestContext, pending: Promise<unknown>): Promise<number[]> {
  let isSettled = false;
  void pending.finally(() => (isSettled = true));
  const statuses: number[] = [];
  while (!isSettled) {
    const status = (await request.get("/api/health")).status();
    if (!isSettled) statuses.push(status);
  }
  return statuses;
}

async function expectRefused(response: APIResponse, message: RegExp): Promise<void> {
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toMatch(message);
}

test("the attack files of the issue are refused with a zh-CN message, and the server's memory stays put", async ({
  browser,
}) => {
  // Made first: deflating 60 MB between two requests could outlast the server's keep-alive.
  const bomb = await writeXmlBombDocx(60 * MB);
  expect(bomb.byteLength).toBeLessThan(300 * 1024);
  const clerk = await pageAs(browser, "fengcheng");
  const origin = new URL(clerk.url()).origin;
  const preview = (file: ReturnType<typeof html>) =>
    clerk.request.post("/api/import/history", { headers: { origin }, multipart: { intent: "preview", file } });
  // Warm the reading pool with a harmless file, so its threads' start is not counted as growth.
  await preview(html("warm-up.html", "<p>你好</p>"));
  const peakBefore = await serverPeakMemoryMb();

  for (const megabytes of [3.7, 1.1]) {
    await expectRefused(
      await preview(html(`nested-${megabytes}.html`, writeNestedDivsHtml(megabytes * MB))),
      /文件结构过于复杂（嵌套超过 200 层），无法读取。请另存为普通网页或 Word 文档后重试/,
    );
  }
  await expectRefused(await preview(docx("bomb.docx", bomb)), /Word 文档的文字部分解压后超过 4\.0 MB/);
  // Read in the app's own thread, the bomb took memory from 390 to 2,323 MB.
  expect((await serverPeakMemoryMb()) - peakBefore).toBeLessThan(400);
  await clerk.context().close();
});

test("while a hostile file is being read, the server answers other requests", async ({ browser }) => {
  const clerk = await pageAs(browser, "beiliu");
  const origin = new URL(clerk.url()).origin;
  // Just under the inflated cap: seconds of mammoth and hundreds of MB, until the worker's limits stop it.
  const heavy = docx("heavy.docx", await writeXmlBombDocx(3.9 * MB));
  const upload = clerk.request.post("/api/import/history", {
    headers: { origin },
    multipart: { intent: "preview", file: heavy },
  });
  const health = await healthWhilePending(clerk.request, upload);
  await expectRefused(await upload, /已停止读取。请另存为普通网页或 Word 文档后重试/);
  expect(health.length).toBeGreaterThanOrEqual(3);
  expect(health.every((status) => status === 200)).toBe(true);
  await clerk.context().close();
});

test("a clerk's page shows why a hostile file was refused", async ({ browser }) => {
  const page = await pageAs(browser, "baisang");
  await page.goto("/clerk/import");
  await page.getByLabel("报告文件").setInputFiles(html("嵌套.html", writeNestedDivsHtml(3.7 * MB)));
  await page.getByRole("button", { name: "读取文件" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "未能导入" })).toContainText(
    "文件结构过于复杂（嵌套超过 200 层）",
  );
  await expect(page.getByTestId("import-preview")).toHaveCount(0);
  await page.context().close();
});

test("an administrator's batch reads each file with the same limits, the others still imported", async ({
  browser,
}) => {
  const page = await pageAs(browser, "admin");
  await page.getByRole("link", { name: "批量导入往年报告" }).click();
  await page.getByLabel("县（区）").selectOption({ label: "阳城县" });
  await page
    .getByLabel("报告文件（可多选）")
    .setInputFiles([
      html("嵌套.html", writeNestedDivsHtml(1.1 * MB)),
      docx("炸弹.docx", await writeXmlBombDocx(60 * MB)),
      docx("过重.docx", await writeXmlBombDocx(3.9 * MB)),
    ]);
  await page.getByRole("button", { name: "开始导入" }).click();
  const results = page.getByTestId("batch-results");
  const row = (fileName: string) =>
    results.getByRole("row").filter({ has: page.getByRole("rowheader", { name: fileName, exact: true }) });
  await expect(row("嵌套.html")).toContainText("嵌套超过 200 层");
  await expect(row("炸弹.docx")).toContainText("解压后超过 4.0 MB");
  await expect(row("过重.docx")).toContainText("已停止读取", { timeout: 20_000 });
  await expect(page.getByTestId("batch-summary")).toContainText("无法读取 3 个");
  await page.context().close();
});

test("the upload routes accept the app reached as 127.0.0.1, and still refuse other sites", async ({ browser }) => {
  const clerk = await pageAs(browser, "huamachi");
  const { port } = new URL(clerk.url());
  const loopback = `http://127.0.0.1:${port}`;
  // The same session, sent to the same server under its loopback address.
  const cookies = (await clerk.context().cookies()).map((cookie) => ({ ...cookie, domain: "127.0.0.1" }));
  const api = await playwrightRequest.newContext({ baseURL: loopback, storageState: { cookies, origins: [] } });
  const file = html("notes.html", "<p>会议纪要</p>");
  const sameApp = await api.post("/api/import/history", {
    headers: { origin: loopback },
    multipart: { intent: "preview", file },
  });
  expect(sameApp.status()).toBe(200);
  expect((await sameApp.json()).preview.refusals.join()).toMatch(/不是政府信息公开工作年度报告/);
  const otherSite = await api.post("/api/import/history", {
    headers: { origin: "http://127.0.0.1.attacker.example" },
    multipart: { intent: "preview", file },
  });
  expect(otherSite.status()).toBe(404);
  expect((await otherSite.json()).error.message).toBe("请求来源无效。");
  await api.dispose();
  await clerk.context().close();
});
