/**
 * The unit tests' one PostgreSQL: a throw-away server for the whole run (or DATABASE_URL's,
 * where set), shared by every test file that needs a database, and the name of the run's
 * template database that they copy (scripts/lib/test-database-template.ts). The server's
 * URL goes to the test processes as DATABASE_URL, so a test that creates its own database
 * with startThrowawayServer(process.env.DATABASE_URL) does so on this server too; a test
 * that must pause its server starts one of its own (lib/server/database-outage.test.ts).
 */
import type { TestProject } from "vitest/node";
import { dropDatabase } from "./postgres";
import { startThrowawayServer } from "./throwaway-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { serverUrl: string; template: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const externalUrl = process.env.DATABASE_URL;
  const server = await startThrowawayServer(externalUrl);
  const template = `nianbao_test_template_${process.pid}`;
  project.provide("testDatabase", { serverUrl: server.url, template });
  process.env.DATABASE_URL = server.url;
  return async () => {
    if (externalUrl) await dropDatabase(externalUrl, template);
    await server.stop();
  };
}
