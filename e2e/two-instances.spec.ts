import type { Browser, Page } from "@playwright/test";
import { startAppServer, type AppServer } from "../scripts/lib/app-server";
import { findFreePort } from "../scripts/lib/postgres";
import type { SeasonCounty, SeasonCountySpec } from "../lib/reports/testing/season-county";
import { clerkSteps } from "./support/clerk-steps";
import { expect, signIn, test } from "./support/fixtures";
import { publishableYear, publishFromReview } from "./support/publish-steps";
import { recordSignInAction, replaySignIn, type RecordedSignIn } from "./support/replay-sign-in";
import { serverStep } from "./support/server-step";
import { e2eState } from "./support/state";
import { cell, expectSaved, goToStep, storedReport } from "./wizard-helpers";

// The app is stateless: several instances run against one PostgreSQL behind a proxy. Two
// production servers of their own (same build, same database as the suite's), used as a
// proxy would spread requests over them: a session made on one holds on the other, the
// sign-in limit counts across both, a correction published through one is the latest page
// on the other within a second (lib/publications/public-site-notices.ts), and two saves of
// one report through different instances still conflict.
const password = "twin-instances-2024";
const year = publishableYear();
const townName = "双实例县城关镇人民政府";
const spec: SeasonCountySpec = {
  countyName: "双实例县",
  reviewerUsername: "twin-review",
  password,
  year,
  units: [{ name: townName, clerkUsername: "twin-town", state: "APPROVED" }],
};
const limit = 5;

/** A fresh browser signed in as `username` on one instance (the session cookie is for the host, so it reaches both). */
async function signedIn(browser: Browser, username: string, baseURL: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signIn(page, username, password);
  return page;
}

type Answer = { status: number; etag: string | null; body: string };

/** 行政规范性文件·本年制发件数 in a JSON answer (null when the answer is not the JSON). */
function normativeIssued(answer: Answer): number | null {
  try {
    return (JSON.parse(answer.body) as { cells: Record<string, number | null> }).cells["t2.normative.issued"] ?? null;
  } catch {
    return null;
  }
}

async function get(url: string): Promise<Answer> {
  const response = await fetch(url);
  return { status: response.status, etag: response.headers.get("etag"), body: await response.text() };
}

/**
 * Asks `url` until `isLatest` holds or a second has passed since the first request: the
 * answer of the last request begun within that second. A slow render of the new version
 * does not count against the notice, which is what must arrive in time.
 */
async function askedWithinASecond(url: string, isLatest: (answer: Answer) => boolean): Promise<Answer> {
  const deadline = Date.now() + 1_000;
  let answer = await get(url);
  while (!isLatest(answer) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    answer = await get(url);
  }
  return answer;
}

test.describe.serial("two app instances on one database", () => {
  let first: AppServer;
  let second: AppServer;
  let county: SeasonCounty;
  let reportId: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const state = await e2eState.read();
    // Free ports of their own, so no other journey's extra server (base port + 100, + 200) is in the way.
    const firstPort = await findFreePort();
    let secondPort = await findFreePort();
    while (secondPort === firstPort) secondPort = await findFreePort();
    const start = (port: number) =>
      startAppServer({ port, databaseUrl: state.databaseUrl, authSecret: state.authSecret, quiet: true });
    [first, second, county] = await Promise.all([
      start(firstPort),
      start(secondPort),
      serverStep<SeasonCounty>("season-county-cli.ts", "seed", spec),
    ]);
    reportId = county.units[0]!.reportId!;
  });

  test.afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  test("a session made on one instance is valid on the other, and signing out on the other ends it", async ({
    browser,
  }) => {
    const clerk = await signedIn(browser, "twin-town", first.url);
    await clerk.goto(`${second.url}/clerk`);
    await expect(clerk).toHaveURL(`${second.url}/clerk`);
    await expect(clerk.getByTestId("current-user")).toContainText(townName);

    // Without the session the other instance sends to the sign-in page.
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(`${second.url}/clerk`);
    await expect(stranger).toHaveURL(/\/login/);

    await clerk.getByRole("button", { name: "退出登录" }).click();
    await expect(clerk).toHaveURL(/\/login/);
    await clerk.goto(`${first.url}/clerk`);
    await expect(clerk).toHaveURL(/\/login/);
    await clerk.context().close();
    await stranger.context().close();
  });

  test("the sign-in limit counts the guesses sent to both instances together", async ({ browser }) => {
    const page = await (await browser.newContext({ baseURL: first.url })).newPage();
    const action: RecordedSignIn = await recordSignInAction(page);
    await page.context().close();
    const instances = [first.url, second.url];
    const guess = (index: number, username: string, localAddress: string) =>
      replaySignIn(
        action,
        { username, password: "guess-wrong" },
        { url: `${instances[index % 2]}/login`, localAddress },
      ).then((answer) => answer.code);

    // One account, guessed at through both in turn: the limit is reached after `limit` in all.
    for (let index = 0; index < limit; index += 1)
      expect(await guess(index, "twin-ghost", "127.0.0.40")).toBe("INVALID_INPUT");
    expect(await guess(limit, "twin-ghost", "127.0.0.41")).toBe("RATE_LIMITED");
    expect(await guess(limit + 1, "twin-ghost", "127.0.0.42")).toBe("RATE_LIMITED");

    // One address, many accounts, through both in turn: four times as many.
    for (let index = 0; index < limit * 4; index += 1)
      expect(await guess(index, `twin-ghost-${index}`, "127.0.0.43")).toBe("INVALID_INPUT");
    expect(await guess(0, "twin-ghost-last", "127.0.0.43")).toBe("RATE_LIMITED");
    expect(await guess(1, "twin-ghost-last", "127.0.0.43")).toBe("RATE_LIMITED");
  });

  test("published through one instance, then reopened: two saves of the report through different instances conflict", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const reviewer = await signedIn(browser, "twin-review", first.url);
    await reviewer.goto(`/review/reports/${reportId}`);
    await publishFromReview(reviewer, { approve: false });
    await reviewer.getByLabel(/更正原因/).fill("行政许可处理决定数量待核实。");
    await reviewer.getByRole("button", { name: "发起更正" }).click();
    await expect(reviewer.getByTestId("report-status")).toHaveText("已退回");
    await reviewer.context().close();

    // The clerk's report open on both instances (their pages keep separate browser copies,
    // as two browsers would), both opened before either saves.
    const onFirst = await signedIn(browser, "twin-town", first.url);
    await onFirst.goto(`/clerk/reports/${reportId}`);
    const onSecond = await onFirst.context().newPage();
    await onSecond.goto(`${second.url}/clerk/reports/${reportId}`);
    await expect(onSecond.getByTestId("save-status")).toBeVisible();

    const table = "二、主动公开政府信息情况";
    const licensing = "t2.licensing.decisions";
    await goToStep(onFirst, table);
    await cell(onFirst, licensing).fill("15");
    await expectSaved(onFirst);

    await goToStep(onSecond, table);
    await cell(onSecond, licensing).fill("20");
    const conflict = onSecond.getByTestId("conflict");
    await expect(conflict).toBeVisible({ timeout: 15_000 });
    await expect(onSecond.getByTestId("save-status")).toHaveAttribute("data-status", "conflict");
    await expect(conflict.getByRole("cell")).toHaveText(["20", "15"]);
    expect((await storedReport(reportId)).data.cells[licensing]).toBe(15);
    await conflict.getByRole("button", { name: "采用已保存的内容" }).click();
    await expectSaved(onSecond);
    expect((await storedReport(reportId)).data.cells[licensing]).toBe(15);
    await onFirst.context().close();
  });

  test("a correction published through one instance is the latest on the other within a second", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = `${second.url}/reports/${reportId}`;
    const json = `${page}/json`;
    const catalogue = `${second.url}/?county=${county.countyId}`;
    // The other instance answers version 1, kept in its memory (asked twice: the second is answered from there).
    for (let round = 0; round < 2; round += 1) {
      const [pageAnswer, jsonAnswer, catalogueAnswer] = await Promise.all([get(page), get(json), get(catalogue)]);
      expect(pageAnswer.etag).toMatch(/^"page-1-/);
      expect(normativeIssued(jsonAnswer)).toBe(13);
      expect(catalogueAnswer.body).toContain(townName);
      expect(catalogueAnswer.body).not.toContain("已更正");
    }

    await clerkSteps.fill("twin-town", reportId, {
      organizationName: townName,
      year,
      cells: { "t2.normative.issued": 17 },
    });
    await clerkSteps.submit("twin-town", reportId);
    const reviewer = await signedIn(browser, "twin-review", first.url);
    await reviewer.goto(`/review/reports/${reportId}`);
    await reviewer.getByLabel(/更正说明/).fill("行政规范性文件本年制发件数由 13 件更正为 17 件。");
    await publishFromReview(reviewer);

    const latestPage = await askedWithinASecond(page, (answer) => /^"page-2-/.test(answer.etag ?? ""));
    expect(latestPage.etag).toMatch(/^"page-2-/);
    expect(latestPage.body).toContain("行政规范性文件本年制发件数由 13 件更正为 17 件。");
    const latestJson = await askedWithinASecond(json, (answer) => normativeIssued(answer) === 17);
    expect(normativeIssued(latestJson)).toBe(17);
    const latestCatalogue = await askedWithinASecond(catalogue, (answer) => answer.body.includes("第 2 版，已更正"));
    expect(latestCatalogue.body).toContain("第 2 版，已更正");
    await reviewer.context().close();
  });
});
