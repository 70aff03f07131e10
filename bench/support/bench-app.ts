/**
 * The running app the browser-driven benches measure: a throw-away PostgreSQL with the
 * migrations and the demo data, the production build (rebuilt only when sources changed, as
 * the browser tests do), the app server on a free port and Debian's chromium.
 */
import { randomBytes } from "node:crypto";
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-organizations";
import { seedDemo, type SeedDemoOptions } from "../../prisma/seed/seed-demo";
import { startAppServer, type AppServer } from "../../scripts/lib/app-server";
import { applyMigrations } from "../../scripts/lib/migrate";
import { buildIfChanged } from "../../scripts/lib/next-build";
import { findFreePort } from "../../scripts/lib/postgres";
import { createScriptClient } from "../../scripts/lib/prisma-client";
import { startThrowawayServer } from "../../scripts/lib/throwaway-database";

export type BenchApp = {
  db: ReturnType<typeof createScriptClient>;
  databaseUrl: string;
  app: AppServer;
  browser: Browser;
  /** Stops the browser, the app and the database, in that order. */
  stop: () => Promise<void>;
};

/** Starts everything a bench named `name` needs; `seed` is passed to the demo seeding. */
export async function startBenchApp(name: string, seed: SeedDemoOptions = {}): Promise<BenchApp> {
  const database = await startThrowawayServer(process.env.DATABASE_URL);
  const databaseUrl = await database.createDatabase(`nianbao_bench_${name}_${process.pid}`);
  await applyMigrations(databaseUrl);
  const db = createScriptClient(databaseUrl);
  await seedDemo(db, seed);
  const authSecret = randomBytes(32).toString("base64url");
  await buildIfChanged(databaseUrl, authSecret);
  const app = await startAppServer({ port: await findFreePort(), databaseUrl, authSecret, quiet: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  return {
    db,
    databaseUrl,
    app,
    browser,
    stop: async () => {
      await browser.close();
      await app.stop();
      await db.$disconnect();
      await database.stop();
    },
  };
}

/** Signs a demo account in through the login form; returns its page and the session cookie header. */
export async function signInDemo(
  bench: BenchApp,
  username: string,
  viewport?: { width: number; height: number },
): Promise<{ page: Page; cookie: string }> {
  const context = await bench.browser.newContext({ baseURL: bench.app.url, locale: "zh-CN", viewport });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("current-user").waitFor();
  const cookie = (await context.cookies()).map((each) => `${each.name}=${each.value}`).join("; ");
  return { page, cookie };
}
