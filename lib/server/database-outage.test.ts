// A database that stops answering, against a real PostgreSQL of this test's own (paused
// with SIGSTOP, as a hung or overloaded server behaves: it accepts TCP connections and never
// replies): a save and Better Auth's session lookup must fail, within the bounded timeouts
// of lib/server/db.ts, as UNAVAILABLE (服务暂时不可用), not hang and not 系统出错; once the
// server runs again the same calls succeed with no restart of anything.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/workflow/policy";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-organizations";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { applyMigrations } from "@/scripts/lib/migrate";
import { createScriptClient } from "@/scripts/lib/prisma-client";
import { pauseServer } from "@/scripts/lib/pause-server";
import { startThrowawayServer, type ThrowawayServer } from "@/scripts/lib/throwaway-database";

let server: ThrowawayServer;
let client: PrismaClient;
let auth: typeof import("./auth").auth;
let toFailure: typeof import("./define-action").toFailure;
let saveDraft: typeof import("@/lib/reports/save-draft").saveDraft;
let clerk: Actor;
let reportId: string;
let version = 1;
let sessionHeaders: Headers;

/** What a server action would answer for this call (define-action's error mapping). */
async function outcome(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "OK";
  } catch (error) {
    return toFailure(error, "database-outage.test").code;
  }
}

function save(): Promise<unknown> {
  return saveDraft(clerk, {
    reportId,
    expectedVersion: version,
    cells: { "t3.r1.natural": version },
    narrative: {},
  }).then((saved) => {
    version = saved.version;
  });
}

beforeAll(async () => {
  // define-action and Better Auth log each failure; the outcomes are asserted instead.
  vi.spyOn(console, "error").mockImplementation(() => {});
  // Always a cluster of this file's own, even with DATABASE_URL set: it gets paused.
  server = await startThrowawayServer();
  const url = await server.createDatabase("database_outage");
  await applyMigrations(url);
  client = createScriptClient(url);
  await seedDemo(client, { withPublishedReports: false });
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  ({ auth } = await import("./auth"));
  ({ toFailure } = await import("./define-action"));
  ({ saveDraft } = await import("@/lib/reports/save-draft"));
  const { startReport } = await import("@/lib/reports/start-report");
  const user = await client.user.findUniqueOrThrow({
    where: { username: "dongfeng" },
    select: { id: true, role: true, organizationId: true },
  });
  clerk = { userId: user.id, role: user.role, organizationId: user.organizationId };
  ({ id: reportId } = await startReport(clerk, user.organizationId!, 2022));
  const signedIn = await auth.api.signInUsername({
    body: { username: "dongfeng", password: DEMO_PASSWORD },
    asResponse: true,
  });
  const cookie = signedIn.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  sessionHeaders = new Headers({ cookie });
}, 120_000);

afterAll(async () => {
  await client?.$disconnect();
  const { db } = await import("./db");
  await db.$disconnect();
  await server?.stop();
});

describe("a busy pool", () => {
  it("lets a transaction wait for a connection as long as any other wait (DATABASE_TIMEOUT_MS), not Prisma's 2 s", async () => {
    const { db } = await import("./db");
    // Every connection of the app's pool (10, lib/server/db.ts) held for 3 s: longer than
    // Prisma's default wait to start a transaction, shorter than the app's bound of 5 s.
    // (A Prisma query runs once it is awaited: then() sends them now.)
    const holding = Array.from({ length: 10 }, () =>
      db.$queryRaw`SELECT 1 AS held FROM pg_sleep(3)`.then(() => "held"),
    );
    const transaction = outcome(() => db.$transaction(async (tx) => tx.$queryRaw`SELECT 1 AS one`));
    expect(await transaction).toBe("OK");
    expect(await Promise.all(holding)).toEqual(Array(10).fill("held"));
  }, 30_000);
});

describe("a paused database", () => {
  it("answers normally before the pause", async () => {
    expect((await auth.api.getSession({ headers: sessionHeaders }))?.user.id).toBe(clerk!.userId);
    expect(await outcome(save)).toBe("OK");
  });

  it("fails the session lookup and the save with UNAVAILABLE, then both succeed once it runs again", async () => {
    const resume = pauseServer(server.pid());
    try {
      // Both at once, as a save request does them: the session first, then the report.
      const [session, saving] = await Promise.all([
        outcome(() => auth.api.getSession({ headers: sessionHeaders })),
        outcome(save),
      ]);
      expect(session).toBe("UNAVAILABLE");
      expect(saving).toBe("UNAVAILABLE");
      // And again on a pool whose connections have now all failed.
      expect(await outcome(save)).toBe("UNAVAILABLE");
    } finally {
      resume();
    }
    expect((await auth.api.getSession({ headers: sessionHeaders }))?.user.id).toBe(clerk!.userId);
    expect(await outcome(save)).toBe("OK");
    const stored = await client.report.findUniqueOrThrow({ where: { id: reportId }, select: { version: true } });
    expect(stored.version).toBe(version);
  }, 60_000);

  it("fails a sign-in with UNAVAILABLE, not as wrong credentials", async () => {
    const { signIn } = await import("./sign-in");
    const resume = pauseServer(server.pid());
    try {
      expect(
        await outcome(() =>
          signIn({
            username: "fengcheng",
            password: DEMO_PASSWORD,
            address: "203.0.113.9",
            requestHeaders: new Headers(),
          }),
        ),
      ).toBe("UNAVAILABLE");
    } finally {
      resume();
    }
  }, 60_000);

  it("fails with UNAVAILABLE when the server is gone altogether", async () => {
    process.kill(server.pid()!, "SIGKILL");
    expect(await outcome(save)).toBe("UNAVAILABLE");
    expect(await outcome(() => auth.api.getSession({ headers: sessionHeaders }))).toBe("UNAVAILABLE");
  }, 60_000);
});
