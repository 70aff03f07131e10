import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { blankReportData, toStoredReportData } from "../lib/report-data";
import { layoutForYear } from "../lib/template";
import { expect, pageAs, test } from "./support/fixtures";
import { createReport, withDatabase } from "./wizard-helpers";

// Missing pages and pages that fail are answered in Chinese, like the rest of the site:
// Next.js's own pages say “404: This page could not be found.” and “This page couldn’t load”.

/** The page's visible text is Chinese: no English word anywhere, and the document says zh-CN. */
async function expectChineseOnly(page: Page): Promise<void> {
  const text = await page.locator("body").innerText();
  expect(text).toMatch(/\p{Script=Han}/u);
  expect(text.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
  expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
}

async function withoutJavaScript<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

test("an address no page has is a zh-CN 404 page, with or without JavaScript", async ({ page, browser }) => {
  const response = await page.goto("/no-such-page/at-all");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到该页面");
  await expect(page).toHaveTitle("找不到该页面 · 年报");
  await expect(page.getByRole("navigation", { name: "网站导航" })).toBeVisible();
  await expectChineseOnly(page);
  await page.getByRole("link", { name: "返回首页" }).click();
  await expect(page.getByRole("heading", { name: "政府信息公开工作年度报告" })).toBeVisible();

  await withoutJavaScript(browser, async (plain) => {
    expect((await plain.goto("/clerk/no-such-page"))?.status()).toBe(404);
    await expect(plain.getByRole("heading", { level: 1 })).toHaveText("找不到该页面");
    await expectChineseOnly(plain);
  });
});

test("a report that does not exist and one that is not the clerk's are the same zh-CN 404, inside the staff pages", async ({
  browser,
}) => {
  const otherReport = await withDatabase(async (db) =>
    db.report.findFirstOrThrow({ where: { organization: { name: "董封乡人民政府" } }, select: { id: true } }),
  );
  const clerk = await pageAs(browser, "beiliu");
  for (const id of ["6f1c1c4e-0000-4000-8000-00000000abcd", otherReport.id]) {
    const response = await clerk.goto(`/clerk/reports/${id}`);
    expect(response?.status()).toBe(404);
    await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("找不到该页面");
    // The staff navigation stays: the clerk goes on from here.
    await expect(clerk.getByTestId("current-user")).toBeVisible();
    await expectChineseOnly(clerk);
  }
  await clerk.context().close();
});

test("a page that fails on the server shows a zh-CN error page, and 重试 brings it back once it works", async ({
  browser,
}) => {
  const year = 2023;
  const reportId = await createReport("beiliu", year);
  // Stored data the codec cannot read (lib/reports/evaluate-stored-report parseStoredData): the page throws.
  await withDatabase((db) => db.report.update({ where: { id: reportId }, data: { data: { cells: "损坏" } } }));
  const clerk = await pageAs(browser, "beiliu");
  const response = await clerk.goto(`/clerk/reports/${reportId}`);
  expect(response?.status()).toBe(500);
  await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("页面暂时无法显示");
  await expect(clerk.getByRole("main").getByRole("alert")).toHaveText(
    "服务暂时不可用，请稍后重试。已保存的内容不会丢失。",
  );
  // The digest is the one the server logged with the error, for the administrator to find it.
  await expect(clerk.getByTestId("error-digest")).toHaveText(
    /^如果多次重试仍然如此，请联系系统管理员，并告知错误编号 \d+。$/,
  );
  await expect(clerk.getByTestId("current-user")).toBeVisible();
  await expect(clerk).toHaveTitle("页面暂时无法显示 · 年报");
  await expectChineseOnly(clerk);

  const organizationName = "北留镇人民政府";
  const data = toStoredReportData(blankReportData(layoutForYear(year)!, organizationName, year));
  await withDatabase((db) => db.report.update({ where: { id: reportId }, data: { data } }));
  await clerk.getByRole("button", { name: "重试" }).click();
  await expect(clerk.getByTestId("save-status")).toBeVisible();
  await expect(clerk.getByRole("heading", { level: 1 })).not.toHaveText("页面暂时无法显示");
  await clerk.context().close();
});

/** A page Next.js answers outside the app's rendering: its visible text, without scripts and styles. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

test("an address whose percent-encoding does not decode is a zh-CN 400 page, not Next's “400: Bad Request”", async ({
  page,
  baseURL,
}) => {
  for (const address of ["/clerk/reports/%E0%A4%A", "/review/reports/%E0%A4%A", "/reports/%E0%A4%A"]) {
    const response = await fetch(new URL(address, baseURL));
    const html = await response.text();
    expect([address, response.status]).toEqual([address, 400]);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(visibleText(html)).toContain("网址的格式不正确，可能在复制时被截断或改动。");
    expect(visibleText(html).match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
  }
  // In the browser too, where the title and the way back count.
  expect((await page.goto("/reports/%E0%A4%A"))?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("无法打开该网址");
  await expect(page).toHaveTitle("无法打开该网址 · 年报");
  await expectChineseOnly(page);
  await page.getByRole("link", { name: "返回首页" }).click();
  await expect(page.getByRole("heading", { name: "政府信息公开工作年度报告" })).toBeVisible();
});

test("a form posted without JavaScript whose action fails gets the zh-CN static 500 page", async ({ browser }) => {
  // The staff pages' sign-out form, posted as another site's page would post it: Next.js
  // refuses the action before it runs (the origin is not the app's) with its static 500.
  const clerk = await pageAs(browser, "beiliu");
  const cookie = (await clerk.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  // The form's hidden field naming its action, as the server renders it for a browser without JavaScript.
  const rendered = await (await fetch(new URL("/clerk", clerk.url()), { headers: { cookie } })).text();
  const actionField = /name="(\$ACTION_ID_[0-9a-f]{42})"/.exec(rendered)?.[1];
  expect(actionField).toBeDefined();
  const form = new FormData();
  form.append(actionField!, "");
  const response = await fetch(new URL("/clerk", clerk.url()), {
    method: "POST",
    headers: { origin: "http://evil.example", cookie },
    body: form,
    redirect: "manual",
  });
  const html = await response.text();
  expect([response.status, response.headers.get("content-type")]).toEqual([500, "text/html; charset=utf-8"]);
  expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
  expect(visibleText(html)).toContain("页面暂时无法显示");
  expect(visibleText(html)).toContain("服务暂时不可用，请稍后重试。已保存的内容不会丢失。");
  expect(visibleText(html).match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
  // The session was not ended by it.
  await clerk.goto("/clerk");
  await expect(clerk.getByTestId("current-user")).toBeVisible();
  await clerk.context().close();
});

test("the static page Next.js answers with when a request fails outside a page's rendering is zh-CN", async () => {
  // Built by `next build` from pages/500.tsx (the build the browser tests run); without it,
  // Next.js's own English page is built into this file.
  const html = await readFile(path.join(import.meta.dirname, "../.next/server/pages/500.html"), "utf8");
  expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
  const text = visibleText(html);
  expect(text).toContain("页面暂时无法显示");
  expect(text).toContain("服务暂时不可用，请稍后重试。已保存的内容不会丢失。");
  expect(text.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
});
