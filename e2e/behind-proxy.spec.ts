import { startAppServer, type AppServer } from "../scripts/lib/app-server";
import { expect, test } from "./support/fixtures";
import { recordSignInAction, replaySignIn, type RecordedSignIn } from "./support/replay-sign-in";
import { e2eState } from "./support/state";

// The app as deployed behind a TLS-terminating proxy: APP_URL is https and the proxy's
// address is in TRUSTED_PROXIES. A server of its own (same build, same database), started
// with these settings, so what is checked is read at start, not baked into the build.
const proxyAddress = "127.0.0.10";
const limit = 5;

test.describe("behind a trusted https proxy", () => {
  let app: AppServer;
  let action: RecordedSignIn;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const state = await e2eState.read();
    app = await startAppServer({
      port: Number(new URL(state.baseURL).port) + 200,
      databaseUrl: state.databaseUrl,
      authSecret: state.authSecret,
      quiet: true,
      environment: { APP_URL: "https://nianbao.example", TRUSTED_PROXIES: proxyAddress },
    });
    const page = await browser.newPage();
    action = await recordSignInAction(page);
    await page.close();
  });

  test.afterAll(async () => {
    await app?.stop();
  });

  test("every page tells browsers to use https only, for at least a year", async () => {
    for (const path of ["/", "/login", "/clerk", "/reports/00000000-0000-4000-8000-000000000000"]) {
      const response = await fetch(`${app.url}${path}`, { redirect: "manual" });
      const header = response.headers.get("strict-transport-security");
      expect(header, path).toMatch(/^max-age=\d+/);
      expect(Number(/max-age=(\d+)/.exec(header!)![1]), path).toBeGreaterThanOrEqual(365 * 24 * 60 * 60);
    }
  });

  test("over a plain http address no HSTS is sent", async ({ request }) => {
    const response = await request.get("/");
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
  });

  test("the proxy's X-Forwarded-For names the client; anyone else's is ignored", async () => {
    const at = { url: `${app.url}/login` };
    const guess = (username: string, from: string, forwardedFor: string) =>
      replaySignIn(action, { username, password: "guess-wrong" }, { ...at, localAddress: from, forwardedFor }).then(
        (answer) => answer.code,
      );

    // One client behind the proxy uses up its address allowance…
    for (let index = 0; index < limit * 4; index += 1)
      expect(await guess(`proxied-ghost-${index}`, proxyAddress, "6.6.6.6, 198.51.100.7")).toBe("INVALID_INPUT");
    expect(await guess("proxied-ghost-last", proxyAddress, "198.51.100.7")).toBe("RATE_LIMITED");
    // …another client behind the same proxy is not held up…
    expect(await guess("proxied-ghost-other", proxyAddress, "198.51.100.8")).toBe("INVALID_INPUT");
    // …and a client that is not the proxy is keyed on its own address, whatever it names.
    expect(await guess("direct-ghost", "127.0.0.11", "198.51.100.7")).toBe("INVALID_INPUT");
  });
});
