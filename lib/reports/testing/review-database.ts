/**
 * A real PostgreSQL for the tests of domain operations: a copy of the run's migrated
 * template with the demo organizations and users, on the run's throw-away server. Sets
 * DATABASE_URL (and a random AUTH_SECRET) for lib/server/env before the test imports the
 * modules that open the connection pool.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import type { AppError } from "@/lib/server/errors";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createScriptClient } from "@/scripts/lib/prisma-client";
import { createTestDatabase } from "@/scripts/lib/test-database-template";

export type ReviewDatabaseOptions = {
  /**
   * Also the five seed reports as published reports (as `npm start` loads them). Off by
   * default: the review and public-site tests assert over the whole catalogue.
   */
  withPublishedReports?: boolean;
};

export async function startReviewDatabase(
  name: string,
  options: ReviewDatabaseOptions = {},
): Promise<{ databaseUrl: string; stop: () => Promise<void> }> {
  // The run's server and its migrated, seeded template (scripts/lib/vitest-global-setup.ts).
  const { serverUrl, template } = inject("testDatabase");
  const databaseUrl = await createTestDatabase(serverUrl, template, `${name}_${process.pid}`);
  if (options.withPublishedReports) {
    // Seeding again adds only what is missing: the published seed reports.
    const client = createScriptClient(databaseUrl);
    await seedDemo(client, { withPublishedReports: true });
    await client.$disconnect();
  }
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  return {
    databaseUrl,
    stop: async () => {
      const { db } = await import("@/lib/server/db");
      await db.$disconnect();
    },
  };
}

/** What every database test reads besides its own modules: the Prisma client and the clerk's steps. */
export type ReviewDatabaseModules = {
  db: (typeof import("@/lib/server/db"))["db"];
  steps: typeof import("./clerk-steps");
};

/**
 * What `load` gives a database test: the modules under test, either as a list of imported
 * modules (`Promise.all([import("./approve-report"), …])`, their exports merged by name) or as
 * an object naming each.
 */
export type LoadedModules<L> = L extends readonly [infer First, ...infer Rest]
  ? First & LoadedModules<Rest>
  : L extends readonly unknown[]
    ? unknown
    : L;

/**
 * The test file's database, started before its tests and stopped after them: then the
 * Prisma client, the clerk's steps and what `load` imports (the modules under test) are
 * loaded, after DATABASE_URL is set, so their pool opens on this database. The object
 * returned is filled in by then; read it inside hooks and tests only.
 */
export function setUpReviewDatabase<L extends object = object>(
  name: string,
  load?: () => Promise<L>,
  options?: ReviewDatabaseOptions,
): ReviewDatabaseModules & LoadedModules<L> {
  const modules = {} as ReviewDatabaseModules & LoadedModules<L>;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ stop } = await startReviewDatabase(name, options));
    const [{ db }, steps] = await Promise.all([import("@/lib/server/db"), import("./clerk-steps")]);
    const loaded = await load?.();
    for (const part of [{ db, steps }, ...(Array.isArray(loaded) ? loaded : [loaded ?? {}])]) {
      for (const key of Object.keys(part)) {
        // Two modules exporting one name would leave the test calling whichever came last.
        if (key in modules) throw new Error(`"${key}" is loaded twice by the database test "${name}"`);
      }
      Object.assign(modules, part);
    }
  }, 120_000);
  afterAll(async () => {
    await stop?.();
  });
  return modules;
}

/** The AppError `work` fails with; a test fails if it succeeds. */
export async function failureOf(work: Promise<unknown> | (() => Promise<unknown>)): Promise<AppError> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a failure");
}
