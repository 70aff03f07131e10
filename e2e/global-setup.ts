// Prepares the browser tests: a throw-away PostgreSQL (or a fresh database on DATABASE_URL's
// server), migrations, demo data, the production build (rebuilt only when sources
// changed) and `next start` on E2E_PORT. Returns the teardown.
import { randomBytes } from "node:crypto";
import type { FullConfig } from "@playwright/test";
import { startAppServer } from "../scripts/lib/app-server";
import { applyMigrations } from "../scripts/lib/migrate";
import { buildIfChanged } from "../scripts/lib/next-build";
import { createScriptClient } from "../scripts/lib/prisma-client";
import { startThrowawayServer } from "../scripts/lib/throwaway-database";
import { seedDemo } from "../prisma/seed/seed-demo";
import { resetReportClaims } from "./support/report-claims";
import { e2eState } from "./support/state";

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("baseURL missing");
  const port = Number(new URL(baseURL).port);
  const server = await startThrowawayServer(process.env.DATABASE_URL);
  const databaseUrl = await server.createDatabase(`nianbao_e2e_${process.pid}`);
  await applyMigrations(databaseUrl);
  const client = createScriptClient(databaseUrl);
  await seedDemo(client);
  await client.$disconnect();

  const authSecret = randomBytes(32).toString("base64url");
  await buildIfChanged(databaseUrl, authSecret);
  const app = await startAppServer({ port, databaseUrl, authSecret, quiet: !process.env.E2E_SERVER_LOG });
  await e2eState.write({ databaseUrl, baseURL, authSecret, serverPid: app.process.pid ?? 0 });
  await resetReportClaims();
  process.env.E2E_DATABASE_URL = databaseUrl;

  return async () => {
    await app.stop();
    await server.stop();
  };
}
