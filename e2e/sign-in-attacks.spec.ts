import { expect, signIn, test } from "./support/fixtures";
import { countCodes, recordSignInAction, replaySignIn, type RecordedSignIn } from "./support/replay-sign-in";

// Attacks on signing in, replayed the way they are made: the form's server action posted
// from Node, many at once, with headers the attacker picks. Each test sends from a loopback
// address of its own, so the pauses it provokes hold no one else up. LOGIN_MAX_FAILURES is
// the default, 5 (×4 per address).
const limit = 5;

test.describe("sign-in under attack", () => {
  let action: RecordedSignIn;

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    action = await recordSignInAction(page);
    await page.close();
  });

  test("100 simultaneous wrong guesses for one account get at most LOGIN_MAX_FAILURES password checks", async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        replaySignIn(action, { username: "kczfb", password: `guess-${index}-wrong` }, { localAddress: "127.0.0.2" }),
      ),
    );
    const codes = countCodes(answers);
    // INVALID_INPUT answers come from a checked password; RATE_LIMITED ones were refused before.
    expect(codes.INVALID_INPUT ?? 0).toBeLessThanOrEqual(limit);
    expect(codes.RATE_LIMITED ?? 0).toBeGreaterThanOrEqual(100 - limit);
    expect(codes.OK ?? 0).toBe(0);
    const paused = await replaySignIn(
      action,
      { username: "kczfb", password: "nianbao-demo" },
      { localAddress: "127.0.0.2" },
    );
    expect(paused.code).toBe("RATE_LIMITED");
    expect(paused.message).toMatch(/^登录失败次数过多，请在 \d+ 秒后再试。$/);
  });

  test("a made-up X-Forwarded-For does not give a client a fresh address allowance", async () => {
    // Different unknown accounts, so only the per-address counter can stop them.
    const answers = [];
    for (let index = 0; index < limit * 4 + 3; index += 1)
      answers.push(
        await replaySignIn(
          action,
          { username: `ghost-${index}`, password: "guess-wrong" },
          { localAddress: "127.0.0.3", forwardedFor: `203.0.113.${index + 1}` },
        ),
      );
    expect(answers.slice(0, limit * 4).map((answer) => answer.code)).toEqual(Array(limit * 4).fill("INVALID_INPUT"));
    expect(answers.slice(limit * 4).map((answer) => answer.code)).toEqual([
      "RATE_LIMITED",
      "RATE_LIMITED",
      "RATE_LIMITED",
    ]);

    // Nor can another client get that address paused by claiming it.
    const bystander = await replaySignIn(
      action,
      { username: "ghost-bystander", password: "guess-wrong" },
      { localAddress: "127.0.0.4", forwardedFor: "127.0.0.3" },
    );
    expect(bystander.code).toBe("INVALID_INPUT");
  });
});

test.describe("where signing in leads", () => {
  // Each of these once ended on http://evil.example/.
  const hostile = [
    "/%5Cevil.example/",
    "/\\evil.example/",
    "/%09/evil.example/",
    "/\\/evil.example/",
    "/%0D%0A/evil.example/",
    "/.//evil.example/",
    "//evil.example/",
    "https://evil.example/",
  ];
  for (const next of hostile) {
    test(`next=${next} stays on the site and goes to the role's home`, async ({ page }) => {
      await page.route(
        (url) => url.hostname.endsWith("evil.example"),
        (route) => route.abort(),
      );
      await page.goto(`/login?next=${next}`);
      await page.getByLabel("用户名").fill("xiangyun");
      await page.getByLabel("密码").fill("nianbao-demo");
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page.getByTestId("current-user")).toBeVisible();
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
      await expect(page).toHaveURL(/\/clerk$/);
    });
  }

  test("a path on the site is kept, with its query", async ({ page }) => {
    await page.goto(`/login?next=${encodeURIComponent("/clerk/import?from=next")}`);
    await page.getByLabel("用户名").fill("xiangyun");
    await page.getByLabel("密码").fill("nianbao-demo");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/clerk\/import\?from=next$/);
  });

  test("signing in without next goes home", async ({ page }) => {
    await signIn(page, "xiangyun");
    await expect(page).toHaveURL(/\/clerk$/);
  });
});
