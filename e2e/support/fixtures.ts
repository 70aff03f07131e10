import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-organizations";

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/**
 * A fresh browser context signed in as `username`. The sign-in pause cannot hit these: the
 * spec that provokes it uses an account no other spec signs in with (sign-in.spec).
 */
export async function pageAs(browser: Browser, username: string, baseURL?: string): Promise<Page> {
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

export const test = base;
export { expect };
