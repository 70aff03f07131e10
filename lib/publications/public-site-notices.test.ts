// The public site's change notices between app instances over a real PostgreSQL (the test
// run's server, a database of this file's own): a notice reaches the other instances and not
// its sender; a listener whose connection is cut reconnects, forgets everything (notices may
// have been lost meanwhile) and hears the next one; a notice asked for while disconnected is
// sent once connected again; a server that stops answering is noticed by the heartbeat; and
// the process's own listener (what instrumentation.ts starts) makes publicSiteChanged() reach
// another instance and another instance's notice forget the answers kept here. Two app
// servers on one database: e2e/two-instances.spec.ts.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pauseServer } from "@/scripts/lib/pause-server";
import { createDatabase, dropDatabase } from "@/scripts/lib/postgres";
import { startThrowawayServer } from "@/scripts/lib/throwaway-database";
import type { PublicSiteNotices } from "./public-site-notices";

type Notices = typeof import("./public-site-notices");
type Answers = typeof import("./public-answers");

const databaseName = `nianbao_public_site_notices_${process.pid}`;
let databaseUrl: string;
let notices: Notices;
let answers: Answers;
const started: PublicSiteNotices[] = [];

beforeAll(async () => {
  const { serverUrl } = inject("testDatabase");
  databaseUrl = await withPublicSiteVersion(await createDatabase(serverUrl, databaseName));
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  [notices, answers] = await Promise.all([import("./public-site-notices"), import("./public-answers")]);
});

afterAll(async () => {
  await Promise.all(started.map((each) => each.stop()));
  answers.setPublicSiteBroadcast(null);
  await dropDatabase(databaseUrl, databaseName);
});

/**
 * Gives a bare database the one table the notices use (the app's databases have it from
 * their migrations): that migration's own SQL.
 */
async function withPublicSiteVersion(url: string): Promise<string> {
  const migrations = path.join(process.cwd(), "prisma/migrations");
  const folder = readdirSync(migrations).find((name) => name.endsWith("_public_site_version"))!;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(readFileSync(path.join(migrations, folder, "migration.sql"), "utf8"));
  } finally {
    await client.end();
  }
  return url;
}

/** One instance's listener with a counter of the changes it was told of, and the last version. */
async function instance(
  connectionString = databaseUrl,
  timeoutMs = 5_000,
): Promise<{ notices: PublicSiteNotices; changes: () => number; version: () => number | null }> {
  let changes = 0;
  let version: number | null = null;
  const listener = notices.startPublicSiteNotices({
    connectionString,
    onChange: (announced) => {
      changes += 1;
      version = announced;
    },
    timeoutMs,
    heartbeatMs: 1_000,
    retryMs: { first: 50, max: 200 },
    log: () => {},
  });
  started.push(listener);
  await listener.ready;
  return { notices: listener, changes: () => changes, version: () => version };
}

/** A plain session of the test's own on the database. */
async function session(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/** Cuts every listener's connection from the server side, as a database restart or a network fault does. */
async function cutListeners(): Promise<number> {
  const admin = await session();
  try {
    const cut = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'nianbao-public-site'",
      [databaseName],
    );
    return cut.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe("public site notices", () => {
  it("a change announced by one instance reaches the others, not itself", async () => {
    const first = await instance();
    const second = await instance();
    // Connecting counts as a change: nothing kept before listening can be trusted.
    expect([first.changes(), second.changes()]).toEqual([1, 1]);

    // A notice raises the public site's version in the database and carries it.
    const connectedAt = second.version()!;
    expect(first.version()).toBe(connectedAt);
    const raised = await first.notices.notify();
    expect(raised).toBe(connectedAt + 1);
    await expect.poll(second.changes).toBe(2);
    expect(second.version()).toBe(raised);
    // The second's own notice comes after the first's: once the first has it, it has seen its own too.
    expect(await second.notices.notify()).toBe(raised! + 1);
    await expect.poll(first.changes).toBe(2);
    expect(first.version()).toBe(raised! + 1);
    expect(second.changes()).toBe(2);
    // A listener connecting later starts from the version the database holds.
    expect((await instance()).version()).toBe(raised! + 1);
  });

  it("a listener whose connection is cut reconnects, forgets everything and hears the next notice", async () => {
    const first = await instance();
    const second = await instance();
    const before = [first.changes(), second.changes()];

    expect(await cutListeners()).toBeGreaterThanOrEqual(2);
    // Polled, not read at once: until a listener has noticed the cut it still says it listens.
    await expect.poll(first.changes, { timeout: 10_000 }).toBe(before[0]! + 1);
    await expect.poll(second.changes, { timeout: 10_000 }).toBe(before[1]! + 1);
    await expect
      .poll(() => first.notices.isListening() && second.notices.isListening(), { timeout: 10_000 })
      .toBe(true);

    await first.notices.notify();
    await expect.poll(second.changes).toBe(before[1]! + 2);
  });

  it("a notice asked for while the listener is disconnected is sent once it is back", async () => {
    const sender = await instance();
    const witness = await session();
    const heard: string[] = [];
    witness.on("notification", (message) => heard.push(message.payload ?? ""));
    await witness.query(`LISTEN ${notices.PUBLIC_SITE_CHANNEL}`);
    try {
      await cutListeners();
      await expect.poll(() => sender.notices.isListening(), { timeout: 5_000 }).toBe(false);
      await sender.notices.notify();
      expect(heard).toEqual([]);
      await expect.poll(() => heard.length, { timeout: 10_000 }).toBe(1);
      expect(sender.notices.isListening()).toBe(true);
    } finally {
      await witness.end();
    }
  });

  it("a stopped listener does not reconnect", async () => {
    const listener = await instance();
    await listener.notices.stop();
    const changes = listener.changes();
    await cutListeners();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(listener.notices.isListening()).toBe(false);
    expect(listener.changes()).toBe(changes);
  });

  it("a server that stops answering is noticed by the heartbeat; once it answers again the listener reconnects and forgets everything", async () => {
    // A cluster of this test's own: it gets paused.
    const server = await startThrowawayServer();
    try {
      const listener = await instance(
        await withPublicSiteVersion(await server.createDatabase("nianbao_paused_notices")),
        1_000,
      );
      expect(listener.changes()).toBe(1);
      const resume = pauseServer(server.pid());
      try {
        await expect.poll(() => listener.notices.isListening(), { timeout: 10_000 }).toBe(false);
      } finally {
        resume();
      }
      await expect.poll(() => listener.notices.isListening(), { timeout: 10_000 }).toBe(true);
      expect(listener.changes()).toBe(2);
      await listener.notices.stop();
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("the process's listener forgets the kept answers on another instance's notice, and publicSiteChanged tells the others", async () => {
    const own = notices.listenForPublicSiteChanges();
    started.push(own);
    expect(notices.listenForPublicSiteChanges()).toBe(own);
    await own.ready;
    const other = await instance();

    const path = "/reports/00000000-0000-4000-8000-000000000001";
    answers.rememberPublicAnswer(new Request(`http://localhost${path}`), path, answers.publicSiteGeneration(), {
      etag: '"page-1-test"',
      cacheControl: "public, max-age=60, must-revalidate",
      headers: { "Content-Type": "text/html; charset=utf-8" },
      body: "<!DOCTYPE html><p>第 1 版</p>",
    });
    expect(answers.publicAnswerStats().answers).toBe(1);
    const announced = await other.notices.notify();
    await expect.poll(() => answers.publicAnswerStats().answers).toBe(0);

    // The version the other announced is what this instance now asks of a read replica.
    expect(answers.publicSiteVersionRequired()).toBe(announced);

    const changes = other.changes();
    answers.publicSiteChanged();
    // Until its notice has returned the version it raised, only the primary will do.
    expect(answers.publicSiteVersionRequired()).toBeNull();
    await expect.poll(other.changes).toBe(changes + 1);
    await expect.poll(() => answers.publicSiteVersionRequired()).toBe(other.version());
  });
});
