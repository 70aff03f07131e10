/**
 * Runs one step of a support script that calls server code (`e2e/support/*-cli.ts`, see
 * cli-step.ts) against the e2e database, in a child process: with the `react-server`
 * condition, because lib/reports is server-only, unless the script allows server-only
 * modules itself (`isPlainNode`, publication-cli.ts). Returns the step's JSON result.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { e2eState } from "./state";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

export async function serverStep<T>(
  script: string,
  step: string,
  args: unknown,
  { isPlainNode = false }: { isPlainNode?: boolean } = {},
): Promise<T> {
  const { databaseUrl, authSecret } = await e2eState.read();
  const conditions = isPlainNode ? [] : ["--conditions=react-server"];
  const { stdout } = await run(
    path.join(root, "node_modules/.bin/tsx"),
    [...conditions, path.join("e2e/support", script), step, JSON.stringify(args)],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, NODE_ENV: "test" } },
  );
  return JSON.parse(stdout) as T;
}
