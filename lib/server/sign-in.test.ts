/**
 * The sign-in throttle against a real PostgreSQL, real Better Auth and real argon2: bursts of
 * guesses sent at once, as a replayed server action can send them. The number of passwords
 * really checked is read from lib/server/password.ts, which counts every verification.
 */
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-organizations";
import { setUpReviewDatabase } from "@/lib/reports/testing/review-database";
import type { AppError } from "./errors";

const modules = setUpReviewDatabase("nianbao_sign_in", async () => {
  const [{ signIn }, { passwordVerificationCount }, { env }] = await Promise.all([
    import("./sign-in"),
    import("./password"),
    import("./env"),
  ]);
  return { signIn, checks: passwordVerificationCount, limit: env().LOGIN_MAX_FAILURES };
});

function attempt(username: string, password: string, address: string) {
  return modules.signIn({ username, password, address, requestHeaders: new Headers() });
}

/** Fires 100 guesses at once, `guess(index)` each, and returns the error code each one got ("OK" for a success). */
async function burst(guess: (index: number) => { username: string; password: string; address: string }) {
  const guesses = Array.from({ length: 100 }, (_, index) => guess(index));
  const results = await Promise.allSettled(
    guesses.map(({ username, password, address }) => attempt(username, password, address)),
  );
  return results.map((result) => (result.status === "fulfilled" ? "OK" : (result.reason as AppError).code));
}

function count(codes: string[], code: string): number {
  return codes.filter((each) => each === code).length;
}

describe("sign-in throttle under parallel guesses", () => {
  it("checks at most LOGIN_MAX_FAILURES of 100 simultaneous wrong passwords for one account", async () => {
    const before = modules.checks();
    const codes = await burst((index) => ({
      username: "wangyuejing",
      password: `wrong-guess-${index}`,
      address: "203.0.113.10",
    }));
    const checked = modules.checks() - before;
    expect(checked).toBeLessThanOrEqual(modules.limit);
    expect(checked).toBeGreaterThan(0);
    expect(count(codes, "OK")).toBe(0);
    expect(count(codes, "INVALID_INPUT")).toBe(checked);
    expect(count(codes, "RATE_LIMITED")).toBe(100 - checked);

    // The account stays paused, even for the right password, and that is not checked either.
    const afterBurst = modules.checks();
    await expect(attempt("wangyuejing", DEMO_PASSWORD, "203.0.113.10")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      userMessage: expect.stringMatching(/^登录失败次数过多，请在 \d+ 秒后再试。$/),
    });
    expect(modules.checks()).toBe(afterBurst);
  });

  it("spreading the guesses over 100 addresses does not buy more checks for the account", async () => {
    const before = modules.checks();
    const codes = await burst((index) => ({
      username: "huamachi",
      password: `wrong-guess-${index}`,
      address: `198.51.100.${index + 1}`,
    }));
    expect(modules.checks() - before).toBeLessThanOrEqual(modules.limit);
    expect(count(codes, "RATE_LIMITED")).toBeGreaterThanOrEqual(100 - modules.limit);
  });

  it("one address spraying 100 accounts at once gets at most 4 × LOGIN_MAX_FAILURES attempts", async () => {
    const codes = await burst((index) => ({
      username: `nobody-${index}`,
      password: "wrong-guess",
      address: "192.0.2.77",
    }));
    expect(count(codes, "INVALID_INPUT")).toBe(modules.limit * 4);
    expect(count(codes, "RATE_LIMITED")).toBe(100 - modules.limit * 4);
  });

  it("a right password gives its attempt back; wrong ones use them up", async () => {
    const address = "203.0.113.20";
    for (let index = 1; index < modules.limit; index += 1)
      await expect(attempt("xiangyun", `wrong-${index}`, address)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    // Two successes with one attempt left: neither uses it.
    await expect(attempt("xiangyun", DEMO_PASSWORD, address)).resolves.toEqual({ home: "/clerk" });
    await expect(attempt("xiangyun", DEMO_PASSWORD, address)).resolves.toEqual({ home: "/clerk" });
    // The last wrong one is checked and starts the pause; it says so at once.
    await expect(attempt("xiangyun", "wrong-last", address)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      userMessage: "登录失败次数过多，请在 60 秒后再试。",
    });
    await expect(attempt("xiangyun", DEMO_PASSWORD, address)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
